import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MshubError } from '../core/errors.js';
import type { Language } from '../core/messages/message-spec.js';
import { parseHubKey } from '../core/platform-name.js';
import type { AssetDownloadSettings } from '../net/asset-verifier.js';
import type {
  GiteeApiSettings,
  GiteeAuthSettings,
  GiteeLabels,
  GitHubAppSettings,
  PublishSettings,
  SourceRepoSettings,
} from './settings.js';

/** The one reader of process.env; every setting the program takes from the environment is here. */
export interface Environment {
  /** Colour in terminal output: forced on (`FORCE_COLOR`), off (`NO_COLOR`), or decided by the terminal. */
  color: 'on' | 'off' | 'auto';
  /** The CLI's language without `--lang`: Chinese when the locale is (`LC_ALL`, `LC_MESSAGES`, `LANG`). */
  language: Language;
  downloads: AssetDownloadSettings;
  sourceRepos: SourceRepoSettings;
  /** Reviews run at once in this process. */
  reviewConcurrency: number;
  queue: QueueSettings;
  gitee: GiteeSettings;
  gitcode: GitCodeSettings;
  site: { hubs: string[]; outDir: string; stateDir: string; publish: PublishSettings };
  /** The GitHub App, when APP_ID is set. */
  github?: GitHubAppSettings;
  server: ServerSettings;
  log: { level: string; messageKey?: string };
  /** What this process remembers across restarts without Redis (webhook deliveries already accepted). */
  stateDir: string;
  audit: AuditSettings;
  /** The single-file CLI `serve` publishes at /cli/ (CLI_FILE); the build's dist/mshub-review.mjs without it. */
  cliFile?: string;
  /**
   * Where contributors reach this server (PUBLIC_URL): the bot's comments then tell them to get the
   * single-file CLI from its /cli/, when the hub neither vendors one nor names a command.
   */
  publicUrl?: string;
}

/** How `mshub-review audit` works through a hub's links, and which hubs `serve` audits when. */
export interface AuditSettings {
  /** The hubs `serve` audits on its schedule, as platform:owner/repo (AUDIT_REPOS); none: no schedule. */
  hubs: string[];
  /** When, as a cron expression in UTC (AUDIT_SCHEDULE; default 03:00 every day). */
  schedule: string;
  /** Bytes a run may download to re-hash assets nothing says changed (AUDIT_HASH_BYTES_PER_RUN). */
  rollingHashBytes: number;
  /** Every asset is re-hashed within this many days, as far as the budget reaches (AUDIT_REHASH_DAYS). */
  rehashAfterMs: number;
  /** Requests at once to one host (AUDIT_PER_HOST); in Redis mode, across every process. */
  perHost: number;
  /** Links one process audits at once in Redis mode, taken from the shared queue (AUDIT_CONCURRENCY). */
  concurrency: number;
  /** Links a second to one host, across every process (AUDIT_HOST_LINKS_PER_SECOND; 0: no rate). */
  hostRate: number;
  /**
   * `audit --report-to github:…` from the command line: a token that may write issues there
   * (GITHUB_TOKEN, as GitHub Actions provides it) and the API (GITHUB_API_URL, likewise).
   */
  github: { apiUrl: string; token?: string };
}

export interface ServerSettings {
  /** HOST: `serve` listens on localhost without it, a worker's status port on every interface. */
  host?: string;
  port: number;
  /** Webhook bodies of every platform not yet authenticated may hold at most this much memory at once. */
  unverifiedBodyBudgetBytes: number;
  /**
   * After SIGTERM, reviews in hand may finish for this long; then they are stopped and kept (in Redis,
   * or on disk) for the next start, and the process exits. Inside Kubernetes' and Docker's 30 s.
   */
  shutdownGraceMs: number;
}

export interface QueueSettings {
  /** Jobs are kept in Redis and run by `mshub-review worker` processes; in this process when unset. */
  redis?: { url: string; prefix: string };
  /** `mshub-review worker` serves /healthz and /metrics on this port when set. */
  workerPort?: number;
}

/** GitCode: enabled by GITCODE_WEBHOOK_SECRET; its API v5 is Gitee's, its webhooks are GitLab-shaped. */
export interface GitCodeSettings {
  /** `password`: GitCode sends the secret itself in `X-GitCode-Token` (go-gitcode's first scheme), no signature. */
  webhook: { secret: string; mode: 'signature' | 'password'; maxBodyBytes: number };
  api: GiteeApiSettings;
  webUrl: string;
  labels: GiteeLabels;
  /** The repositories whose webhooks come here: at start-up, their pending reviews are queued again. */
  repositories: Array<{ owner: string; repo: string }>;
}

export interface GiteeSettings {
  webhook: GiteeAuthSettings & { maxBodyBytes: number };
  api: GiteeApiSettings;
  webUrl: string;
  labels: GiteeLabels;
  /** Report as a check run on the pull request gate too (GITEE_CHECK_RUNS; needs an administrator's token). */
  checkRuns: boolean;
  /** The repositories whose webhooks come here: at start-up, their pending reviews are queued again. */
  repositories: Array<{ owner: string; repo: string }>;
}

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

export const DEFAULT_DOWNLOAD_SETTINGS: AssetDownloadSettings = {
  maxBytes: 5 * GIB,
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 30_000,
  totalTimeoutMs: 30 * 60_000,
  minBytesPerSecond: 16 * 1024,
  maxRedirects: 5,
  retries: 3,
  maxRetryDelayMs: 60_000,
  concurrency: 4,
  cacheTtlMs: 24 * 3600_000,
  allowPrivateHosts: [],
};

/** POSIX order: the first of LC_ALL, LC_MESSAGES and LANG that is set decides (`zh_CN.UTF-8` is Chinese). */
export function localeLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const color = env.NO_COLOR ? 'off' : env.FORCE_COLOR && env.FORCE_COLOR !== '0' ? 'on' : 'auto';
  const site = readSiteSettings(env);
  const github = readGitHubAppSettings(env);
  return {
    color,
    language: localeLanguage(env),
    downloads: readDownloadSettings(env),
    sourceRepos: readSourceRepoSettings(env),
    reviewConcurrency: positiveInteger(env, 'REVIEW_CONCURRENCY', 4),
    queue: readQueueSettings(env),
    gitee: readGiteeSettings(env, site.hubs),
    gitcode: readGitCodeSettings(env, site.hubs),
    site,
    ...(github ? { github } : {}),
    server: {
      ...(env.HOST ? { host: env.HOST } : {}),
      port: positiveInteger(env, 'PORT', 3000, 0),
      // Far above any real delivery (pull request events are tens of KB), and a flood of forged
      // bodies keeps serve near 150 MB (test/service/flood-memory.test.ts).
      unverifiedBodyBudgetBytes: positiveInteger(env, 'WEBHOOK_UNVERIFIED_BUDGET_BYTES', 8 * MIB),
      shutdownGraceMs: positiveInteger(env, 'SHUTDOWN_GRACE_SECONDS', 25) * 1000,
    },
    log: {
      level: env.LOG_LEVEL || 'info',
      ...(env.LOG_MESSAGE_KEY ? { messageKey: env.LOG_MESSAGE_KEY } : {}),
    },
    stateDir: env.STATE_DIR || '.mshub-review',
    audit: {
      hubs: readHubList(env, 'AUDIT_REPOS'),
      schedule: env.AUDIT_SCHEDULE?.trim() || '0 3 * * *',
      rollingHashBytes: positiveInteger(env, 'AUDIT_HASH_BYTES_PER_RUN', 20 * 1024 * MIB, 0),
      rehashAfterMs: positiveInteger(env, 'AUDIT_REHASH_DAYS', 30) * 24 * 3600 * 1000,
      perHost: positiveInteger(env, 'AUDIT_PER_HOST', 4),
      concurrency: positiveInteger(env, 'AUDIT_CONCURRENCY', 8),
      hostRate: positiveInteger(env, 'AUDIT_HOST_LINKS_PER_SECOND', 0, 0),
      github: {
        apiUrl: httpsUrl(env, 'GITHUB_API_URL', 'https://api.github.com'),
        ...(env.GITHUB_TOKEN ? { token: env.GITHUB_TOKEN } : {}),
      },
    },
    ...(env.CLI_FILE ? { cliFile: env.CLI_FILE } : {}),
    ...(env.PUBLIC_URL?.trim() ? { publicUrl: httpsUrl(env, 'PUBLIC_URL', '') } : {}),
  };
}

/** APP_ID turns the GitHub App on; it then needs its private key. */
function readGitHubAppSettings(env: NodeJS.ProcessEnv): GitHubAppSettings | undefined {
  const appId = env.APP_ID?.trim();
  if (!appId) return undefined;
  if (!/^\d+$/.test(appId))
    throw new MshubError(
      'CONFIG_INVALID',
      `APP_ID must be the GitHub App's number, not ${JSON.stringify(appId)}.`,
    );
  let privateKey = env.PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!privateKey && env.PRIVATE_KEY_PATH) {
    try {
      privateKey = readFileSync(env.PRIVATE_KEY_PATH, 'utf8');
    } catch {
      throw new MshubError(
        'CONFIG_INVALID',
        `PRIVATE_KEY_PATH=${env.PRIVATE_KEY_PATH} cannot be read; point it at the .pem file GitHub gave for the app.`,
      );
    }
  }
  if (!privateKey?.trim())
    throw new MshubError(
      'CONFIG_INVALID',
      'APP_ID is set, but the private key is missing: set PRIVATE_KEY to the .pem file GitHub gave for the app (its text), or PRIVATE_KEY_PATH to where it is.',
    );
  if (!privateKey.includes('PRIVATE KEY-----'))
    throw new MshubError(
      'CONFIG_INVALID',
      'APP_ID is set, but PRIVATE_KEY (or the file at PRIVATE_KEY_PATH) is not a PEM private key.',
    );
  // Required by `serve` only: a worker receives no webhooks.
  const webhookSecret = env.WEBHOOK_SECRET ?? '';
  const host = env.GHE_HOST?.trim();
  const perMinute = positiveInteger(env, 'GITHUB_API_PER_MINUTE', 0, 0);
  return {
    ...(perMinute > 0 ? { perMinute } : {}),
    appId,
    privateKey,
    webhookSecret,
    baseUrl: host ? `${env.GHE_PROTOCOL || 'https'}://${host}/api/v3` : 'https://api.github.com',
    maxBodyBytes: positiveInteger(env, 'GITHUB_WEBHOOK_MAX_BYTES', 25 * MIB),
    apiTimeoutMs: positiveInteger(env, 'GITHUB_API_TIMEOUT_MS', 15_000),
    apiConnectTimeoutMs: positiveInteger(env, 'GITHUB_API_CONNECT_TIMEOUT_MS', 10_000),
    // github.com's documented secondary limits; a GitHub Enterprise Server sets its own (none by default).
    writesPerMinute: positiveInteger(env, 'GITHUB_API_WRITES_PER_MINUTE', host ? 0 : 80, 0),
    writesPerHour: positiveInteger(env, 'GITHUB_API_WRITES_PER_HOUR', host ? 0 : 500, 0),
  };
}

/** A comma-separated setting, its entries trimmed, empty ones left out. */
function listSetting(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** A comma-separated list of hubs, each `platform:owner/repo`. */
function readHubList(env: NodeJS.ProcessEnv, name: string): string[] {
  const hubs = listSetting(env, name);
  const wrong = hubs.find((hub) => parseHubKey(hub) === undefined);
  if (wrong)
    throw new MshubError(
      'CONFIG_INVALID',
      `${name} lists ${JSON.stringify(wrong)}; write platform:owner/repo, e.g. gitee:mindspore/hub.`,
    );
  return hubs;
}

function readSiteSettings(env: NodeJS.ProcessEnv): Environment['site'] {
  const hubs = readHubList(env, 'SITE_SYNC_REPOS');
  const publish: PublishSettings = {};
  if (env.SITE_PUBLISH_URL) {
    if (!env.SITE_PUBLISH_SECRET)
      throw new MshubError(
        'CONFIG_INVALID',
        'SITE_PUBLISH_URL needs SITE_PUBLISH_SECRET to sign the catalog.',
      );
    publish.http = { url: httpsUrl(env, 'SITE_PUBLISH_URL', ''), secret: env.SITE_PUBLISH_SECRET };
  }
  if (env.SITE_GITHUB_BRANCH) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)@([^:\s]+)(?::(.+))?$/.exec(env.SITE_GITHUB_BRANCH);
    if (!match)
      throw new MshubError(
        'CONFIG_INVALID',
        'SITE_GITHUB_BRANCH must be owner/repo@branch or owner/repo@branch:folder.',
      );
    const [, owner = '', repo = '', branch = '', folder] = match;
    publish.githubBranch = { owner, repo, branch, ...(folder ? { folder } : {}) };
  }
  const outDir = env.SITE_OUT_DIR || 'site';
  return { hubs, outDir, stateDir: env.SITE_STATE_DIR || join(outDir, '.sync-state'), publish };
}

function readQueueSettings(env: NodeJS.ProcessEnv): QueueSettings {
  const settings: QueueSettings = {};
  const url = env.REDIS_URL?.trim();
  if (url) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {}
    if (protocol !== 'redis:' && protocol !== 'rediss:')
      throw new MshubError(
        'CONFIG_INVALID',
        'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379.',
      );
    const prefix = env.QUEUE_PREFIX || 'mshub-review';
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(prefix))
      throw new MshubError('CONFIG_INVALID', 'QUEUE_PREFIX may hold only letters, digits, _ . and -.');
    settings.redis = { url, prefix };
  }
  if (env.WORKER_PORT?.trim()) settings.workerPort = positiveInteger(env, 'WORKER_PORT', 0, 0);
  return settings;
}

function readGiteeSettings(env: NodeJS.ProcessEnv, hubs: readonly string[]): GiteeSettings {
  const mode = webhookAuthMode(env, 'GITEE_WEBHOOK_AUTH');
  const api: GiteeApiSettings = {
    apiUrl: httpsUrl(env, 'GITEE_API_URL', 'https://gitee.com/api/v5'),
    retries: positiveInteger(env, 'GITEE_API_RETRIES', 3, 0),
    timeoutMs: positiveInteger(env, 'GITEE_API_TIMEOUT_MS', 15_000),
    connectTimeoutMs: positiveInteger(env, 'GITEE_API_CONNECT_TIMEOUT_MS', 10_000),
  };
  const giteePerMinute = positiveInteger(env, 'GITEE_API_PER_MINUTE', 0, 0);
  if (giteePerMinute > 0) api.perMinute = giteePerMinute;
  if (env.GITEE_TOKEN) api.token = env.GITEE_TOKEN;
  return {
    webhook: {
      secret: env.GITEE_WEBHOOK_SECRET ?? '',
      mode,
      // Gitee signs each push with the time it sends it: the window need only cover clocks apart and transit.
      windowMs: positiveInteger(env, 'GITEE_WEBHOOK_WINDOW_SECONDS', 600) * 1000,
      maxBodyBytes: positiveInteger(env, 'GITEE_WEBHOOK_MAX_BYTES', 5 * 1024 * 1024),
    },
    api,
    webUrl: httpsUrl(env, 'GITEE_WEB_URL', 'https://gitee.com'),
    repositories: readRepositories(env, hubs, 'gitee'),
    checkRuns: switchSetting(env, 'GITEE_CHECK_RUNS'),
    labels: {
      pending: env.GITEE_LABEL_PENDING || 'mshub-review/pending',
      passed: env.GITEE_LABEL_PASSED || 'mshub-review/passed',
      failed: env.GITEE_LABEL_FAILED || 'mshub-review/failed',
    },
  };
}

/** `true` or `1` turns a setting on; empty or `false` or `0` leaves it off; anything else is a mistake. */
function switchSetting(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = (env[name] ?? '').trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new MshubError('CONFIG_INVALID', `${name} must be true or false, not ${JSON.stringify(env[name])}.`);
}

function readGitCodeSettings(env: NodeJS.ProcessEnv, hubs: readonly string[]): GitCodeSettings {
  const api: GiteeApiSettings = {
    apiUrl: httpsUrl(env, 'GITCODE_API_URL', 'https://api.gitcode.com/api/v5'),
    retries: positiveInteger(env, 'GITCODE_API_RETRIES', 3, 0),
    timeoutMs: positiveInteger(env, 'GITCODE_API_TIMEOUT_MS', 15_000),
    connectTimeoutMs: positiveInteger(env, 'GITCODE_API_CONNECT_TIMEOUT_MS', 10_000),
    perMinute: positiveInteger(env, 'GITCODE_API_PER_MINUTE', 50),
    // GitCode's firewall answers 418 to a burst of calls; it passes again a moment later.
    alsoTransient: [418],
  };
  if (env.GITCODE_TOKEN) api.token = env.GITCODE_TOKEN;
  return {
    webhook: {
      secret: env.GITCODE_WEBHOOK_SECRET ?? '',
      mode: webhookAuthMode(env, 'GITCODE_WEBHOOK_AUTH'),
      maxBodyBytes: positiveInteger(env, 'GITCODE_WEBHOOK_MAX_BYTES', 5 * 1024 * 1024),
    },
    api,
    webUrl: httpsUrl(env, 'GITCODE_WEB_URL', 'https://gitcode.com'),
    repositories: readRepositories(env, hubs, 'gitcode'),
    labels: {
      // No `/` by default: GitCode keeps one in a name (go-gitcode's capture lists `kind/123132`), but
      // a label is taken off by its name in the URL path, which go-gitcode writes unescaped.
      pending: gitcodeLabel(env, 'GITCODE_LABEL_PENDING', 'mshub-review-pending'),
      passed: gitcodeLabel(env, 'GITCODE_LABEL_PASSED', 'mshub-review-passed'),
      failed: gitcodeLabel(env, 'GITCODE_LABEL_FAILED', 'mshub-review-failed'),
    },
  };
}

/** GitCode refuses label names outside 2 to 20 characters: said at start-up, not at every review. */
function gitcodeLabel(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const label = env[name]?.trim() || fallback;
  const length = [...label].length;
  if (length < 2 || length > 20)
    throw new MshubError(
      'CONFIG_INVALID',
      `${name} must be 2 to 20 characters long, as GitCode requires of a label; ${JSON.stringify(label)} has ${length}.`,
    );
  if (label.includes(','))
    throw new MshubError(
      'CONFIG_INVALID',
      `${name} must not contain a comma: GitCode takes labels off a pull request by a comma-separated list of names, so ${JSON.stringify(label)} would name two labels.`,
    );
  return label;
}

function webhookAuthMode(env: NodeJS.ProcessEnv, name: string): 'signature' | 'password' {
  const mode = env[name] || 'signature';
  if (mode !== 'signature' && mode !== 'password')
    throw new MshubError(
      'CONFIG_INVALID',
      `${name} must be signature or password, not ${JSON.stringify(mode)}.`,
    );
  return mode;
}

/** GITEE_REPOS (GITCODE_REPOS), or else the Gitee (GitCode) hubs of SITE_SYNC_REPOS. */
function readRepositories(
  env: NodeJS.ProcessEnv,
  hubs: readonly string[],
  platform: 'gitee' | 'gitcode',
): Array<{ owner: string; repo: string }> {
  const variable = platform === 'gitee' ? 'GITEE_REPOS' : 'GITCODE_REPOS';
  const listed = listSetting(env, variable);
  const prefix = `${platform}:`;
  const names =
    listed.length > 0
      ? listed
      : hubs.filter((hub) => hub.startsWith(prefix)).map((hub) => hub.slice(prefix.length));
  return names.map((name) => {
    const ref = parseHubKey(`${prefix}${name}`);
    if (!ref)
      throw new MshubError(
        'CONFIG_INVALID',
        `${variable} lists ${JSON.stringify(name)}; write owner/repo, e.g. mindspore/hub.`,
      );
    return { owner: ref.owner, repo: ref.repo };
  });
}

function readSourceRepoSettings(env: NodeJS.ProcessEnv): SourceRepoSettings {
  const settings: SourceRepoSettings = {
    githubApiUrl: httpsUrl(env, 'SOURCE_GITHUB_API_URL', 'https://api.github.com'),
    cacheTtlMs: positiveInteger(env, 'SOURCE_REPO_CACHE_TTL_SECONDS', 3600, 0) * 1000,
    timeoutMs: positiveInteger(env, 'SOURCE_REPO_TIMEOUT_MS', 15_000),
  };
  if (env.SOURCE_GITHUB_TOKEN) settings.githubToken = env.SOURCE_GITHUB_TOKEN;
  return settings;
}

function httpsUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  try {
    const url = new URL(text);
    if (url.protocol === 'https:' || url.protocol === 'http:') return text.replace(/\/+$/, '');
  } catch {}
  throw new MshubError('CONFIG_INVALID', `${name} must be an http(s) URL, not ${JSON.stringify(text)}.`);
}

function readDownloadSettings(env: NodeJS.ProcessEnv): AssetDownloadSettings {
  const d = DEFAULT_DOWNLOAD_SETTINGS;
  const settings: AssetDownloadSettings = {
    maxBytes: positiveInteger(env, 'ASSET_MAX_BYTES', d.maxBytes),
    connectTimeoutMs: positiveInteger(env, 'ASSET_CONNECT_TIMEOUT_MS', d.connectTimeoutMs),
    idleTimeoutMs: positiveInteger(env, 'ASSET_IDLE_TIMEOUT_MS', d.idleTimeoutMs),
    totalTimeoutMs: positiveInteger(env, 'ASSET_TOTAL_TIMEOUT_MS', d.totalTimeoutMs),
    minBytesPerSecond: positiveInteger(env, 'ASSET_MIN_BYTES_PER_SECOND', d.minBytesPerSecond, 0),
    maxRedirects: positiveInteger(env, 'ASSET_MAX_REDIRECTS', d.maxRedirects, 0),
    retries: positiveInteger(env, 'ASSET_RETRIES', d.retries, 0),
    maxRetryDelayMs: positiveInteger(env, 'ASSET_MAX_RETRY_DELAY_MS', d.maxRetryDelayMs),
    concurrency: positiveInteger(env, 'ASSET_DOWNLOAD_CONCURRENCY', d.concurrency),
    cacheTtlMs: positiveInteger(env, 'ASSET_CACHE_TTL_SECONDS', d.cacheTtlMs / 1000, 0) * 1000,
    allowPrivateHosts: listSetting(env, 'ALLOW_PRIVATE_ASSET_HOSTS'),
  };
  if (env.ASSET_CA_FILE) {
    try {
      settings.ca = readFileSync(env.ASSET_CA_FILE, 'utf8');
    } catch (error) {
      throw new MshubError('CONFIG_INVALID', `ASSET_CA_FILE=${env.ASSET_CA_FILE} cannot be read.`, {
        cause: error,
      });
    }
  }
  // Giving TLS its own list drops what Node added from NODE_EXTRA_CA_CERTS: keep those too.
  if (settings.ca && env.NODE_EXTRA_CA_CERTS) {
    try {
      settings.ca += `\n${readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8')}`;
    } catch {}
  }
  return settings;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum = 1): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new MshubError(
      'CONFIG_INVALID',
      `${name} must be a whole number of at least ${minimum}, not ${JSON.stringify(text)}.`,
    );
  }
  return value;
}
