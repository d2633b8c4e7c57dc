/**
 * The settings each adapter takes, as the environment gives them: the types live here, beside the one
 * module that reads them (environment.ts), and the adapters import them.
 */

export interface GiteeApiSettings {
  /** `https://gitee.com/api/v5`, or a self-hosted Gitee's. */
  apiUrl: string;
  token?: string;
  retries: number;
  timeoutMs: number;
  /** Opening a connection (TCP and TLS) to the API ends after this, within `timeoutMs` (`serve` and `worker`). */
  connectTimeoutMs?: number;
  /** Answers also asked again besides 429 and 5xx: GitCode's firewall answers 418 when it is busy. */
  alsoTransient?: readonly number[];
  /**
   * Calls the token may make a minute, across every process that uses it (GitCode allows 50); calls
   * wait for their turn. Absent: no budget of its own, the API's 429 and Retry-After are followed.
   */
  perMinute?: number;
}

export interface GiteeLabels {
  /** While a review runs; a restarted server reviews again the pull requests it finds still pending. */
  pending: string;
  passed: string;
  failed: string;
}

export type GiteeAuthMode = 'signature' | 'password';

export interface GiteeAuthSettings {
  secret: string;
  mode: GiteeAuthMode;
  /** Timestamps further than this from now are refused. */
  windowMs: number;
}

export interface GitHubAppSettings {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** The REST API: https://api.github.com, or a GitHub Enterprise Server's `/api/v3`. */
  baseUrl: string;
  /** Webhook bodies larger than this are refused unread (GitHub caps its payloads at 25 MB). */
  maxBodyBytes: number;
  /**
   * Each API request (connecting, the answer and its body) ends after this long. Octokit sets no
   * time of its own: an API that accepts connections and never answers would hold a review for good.
   */
  apiTimeoutMs: number;
  /** Opening a connection (TCP and TLS) to the API ends after this (GITHUB_API_CONNECT_TIMEOUT_MS). */
  apiConnectTimeoutMs?: number;
  /**
   * Calls a minute for the whole deployment, shared through Redis (GITHUB_API_PER_MINUTE). Absent:
   * none of its own; octokit's throttling follows GitHub's X-RateLimit-* and Retry-After answers.
   */
  perMinute?: number;
  /**
   * Content-creating requests (check runs, comments, labels) of the whole deployment, shared
   * through Redis: GitHub allows 80 a minute and 500 an hour (GITHUB_API_WRITES_PER_MINUTE and
   * GITHUB_API_WRITES_PER_HOUR; 0 turns a limit off).
   */
  writesPerMinute: number;
  writesPerHour: number;
}

export interface SourceRepoSettings {
  githubApiUrl: string;
  githubToken?: string;
  /** How long an answer is reused for the same repository, ref and folder. */
  cacheTtlMs: number;
  timeoutMs: number;
}

export interface PublishSettings {
  /** POST the signed catalog here too. */
  http?: { url: string; secret: string };
  /** Commit the catalog and page to this branch of a GitHub repository (the app must be installed there). */
  githubBranch?: { owner: string; repo: string; branch: string; folder?: string };
}
