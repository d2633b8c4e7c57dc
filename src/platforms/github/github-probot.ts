import type { Logger } from 'pino';
import { Probot, type ProbotOctokit } from 'probot';

export interface GitHubAppSettings {
  appId: string;
  privateKey: string;
  webhookSecret: string;
  /** The REST API: https://api.github.com, or a GitHub Enterprise Server's `/api/v3`. */
  baseUrl: string;
  /** Webhook bodies larger than this are refused unread (GitHub caps its payloads at 25 MB). */
  maxBodyBytes: number;
}

/**
 * The GitHub App's Probot: installation tokens, Octokit with retries and throttling, and event
 * dispatch to the app's handlers. It never sees a request: `serve` verifies deliveries itself.
 */
export function createGitHubProbot(
  settings: GitHubAppSettings,
  log: Logger,
  Octokit?: typeof ProbotOctokit,
): Probot {
  return new Probot({
    appId: settings.appId,
    privateKey: settings.privateKey,
    secret: settings.webhookSecret,
    baseUrl: settings.baseUrl,
    log,
    ...(Octokit ? { Octokit } : {}),
  });
}
