import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../../src/config/environment.js';
import { AssetVerifier } from '../../src/net/asset-verifier.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { createGitHubApp } from '../../src/platforms/github/github-app.js';
import type { GitHubAuth, Octokit } from '../../src/platforms/github/github-auth.js';
import { GitHubPlatform } from '../../src/platforms/github/github-platform.js';
import { HostedSourceRepoChecker } from '../../src/platforms/source-repos/source-repo-checker.js';
import { Activity } from '../../src/service/activity.js';
import { QueueIntentSink } from '../../src/service/queue-intent-sink.js';
import { ReviewService } from '../../src/service/review-service.js';
import type { SiteSyncService } from '../../src/service/site-sync-service.js';
import { loopbackOnlyLookup, TEST_CA } from './asset-server.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const INSTALLATION = 42;
export const API = 'https://api.github.com';
export const REPO_API = `/repos/${OWNER}/${REPO}`;

/** A GitHub App private key made for the tests. */
export const { privateKey: TEST_APP_KEY } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/** A real webhook payload from @octokit/webhooks-examples, adjusted: installation, head commit, number. */
export function examplePayload(
  event: string,
  action: string,
  adjust: (payload: any) => void = () => {},
): any {
  const group = (examples as unknown as Array<{ name: string; examples: any[] }>).find(
    (entry) => entry.name === event,
  );
  const example = group?.examples.find((payload) => payload.action === action);
  if (!example) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  const payload = structuredClone(example);
  payload.installation = { id: INSTALLATION, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI=' };
  payload.repository.name = REPO;
  payload.repository.full_name = `${OWNER}/${REPO}`;
  payload.repository.owner.login = OWNER;
  adjust(payload);
  return payload;
}

export function pullRequestPayload(action: string, headSha: string, number = 2): any {
  return examplePayload('pull_request', action, (payload) => {
    payload.number = number;
    payload.pull_request.number = number;
    payload.pull_request.head.sha = headSha;
  });
}

export interface Harness {
  probot: Probot;
  service: ReviewService;
  siteSync?: SiteSyncService;
  /**
   * Messages of review jobs that failed. `close()` fails the test if any is left: a test that expects
   * failures takes them with `takeErrors()` and asserts them.
   */
  errors: string[];
  takeErrors(): string[];
  /** The outcome of every review that ran, in order. */
  outcomes(): string[];
  receive(name: string, payload: unknown, id?: string): Promise<void>;
  close(): Promise<void>;
}

let deliveries = 0;

/**
 * Probot's Octokit without throttling, which spaces writes a second apart. A function, not an
 * object: Probot merges its own throttle options over object defaults, which turns throttling back on.
 */
export function testOctokit(retry: object = { enabled: false }): typeof ProbotOctokit {
  return ProbotOctokit.defaults((options: Record<string, any>) => ({
    ...options,
    retry,
    throttle: { ...options.throttle, enabled: false },
  }));
}

/** The app as `npm start` builds it, with test settings: loopback asset servers allowed, no waiting between retries. */
export async function startHarness(
  /** `siteSync` builds the site sync with the app's clients, as the runtime does. */
  options: { retry?: boolean; siteSync?: (github: GitHubAuth) => SiteSyncService } = {},
): Promise<Harness> {
  const verifier = new AssetVerifier(
    { ...DEFAULT_DOWNLOAD_SETTINGS, allowPrivateHosts: ['127.0.0.1'], ca: TEST_CA, retries: 0 },
    { sleep: async () => {}, lookup: loopbackOnlyLookup },
  );
  const sourceRepos = new HostedSourceRepoChecker(
    { githubApiUrl: 'https://api.github.com', cacheTtlMs: 0, timeoutMs: 5000 },
    // Anonymous, as a deployment without GITEE_TOKEN reads public source repositories.
    new GiteeApi({ apiUrl: 'https://gitee.com/api/v5', retries: 0, timeoutMs: 5000 }),
  );
  const errors: string[] = [];
  const log = { info() {}, error: (data: { err?: Error }) => errors.push(data.err?.message ?? 'unknown') };
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_APP_KEY,
    logLevel: 'fatal',
    Octokit: testOctokit(options.retry ? { enabled: true, retryAfterBaseValue: 1 } : { enabled: false }),
  });
  const github: GitHubAuth = (installationId) => probot.auth(installationId) as Promise<Octokit>;
  const activity = new Activity();
  const service = new ReviewService({
    adapters: { hasher: verifier, sourceRepos },
    concurrency: 2,
    retry: { attempts: 1 },
    platforms: { github: new GitHubPlatform(github) },
    activity,
    log: log as never,
  });
  const siteSync = options.siteSync?.(github);
  await probot.load(createGitHubApp(new QueueIntentSink(service.queue, siteSync)));
  mockInstallationToken();
  return {
    probot,
    service,
    ...(siteSync ? { siteSync } : {}),
    errors,
    takeErrors: () => errors.splice(0),
    outcomes: () => activity.reviews.map((review) => review.outcome).reverse(),
    async receive(name, payload, id = `delivery-${++deliveries}`) {
      await probot.receive({ id, name, payload } as never);
    },
    async close() {
      await service.queue.idle();
      await verifier.close();
      assert.deepEqual(errors.splice(0), [], 'review jobs failed where the test expected none');
    },
  };
}

/** The installation token (Probot caches it, so one per harness). */
function mockInstallationToken(times = 1): void {
  nock(API)
    .post(`/app/installations/${INSTALLATION}/access_tokens`)
    .times(times)
    .reply(201, {
      token: 'ghs_test',
      expires_at: '2099-01-01T00:00:00Z',
      permissions: {
        checks: 'write',
        contents: 'read',
        pull_requests: 'write',
        issues: 'write',
        metadata: 'read',
      },
    });
}
