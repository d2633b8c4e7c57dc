import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../../src/config/environment.js';
import { AssetVerifier } from '../../src/net/asset-verifier.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { GiteePlatform } from '../../src/platforms/gitee/gitee-platform.js';
import { type GiteeAuthMode, giteeSignature } from '../../src/platforms/gitee/gitee-webhook-auth.js';
import {
  createGiteeWebhookHandler,
  GITEE_WEBHOOK_PATH,
} from '../../src/platforms/gitee/gitee-webhook-handler.js';
import { FileReplayGuard } from '../../src/platforms/replay-guard.js';
import { HostedSourceRepoChecker } from '../../src/platforms/source-repos/source-repo-checker.js';
import { BodyBudget } from '../../src/platforms/webhook-http.js';
import { QueueIntentSink } from '../../src/service/queue-intent-sink.js';
import { ReviewService } from '../../src/service/review-service.js';
import type { SiteSyncService } from '../../src/service/site-sync-service.js';
import { loopbackOnlyLookup, TEST_CA } from './asset-server.js';
import { REPO_ROOT } from './fixtures.js';

export const SECRET = 'gitee-hook-secret';
export const GITEE_API = 'https://gitee.com';
export const HUB_API = '/api/v5/repos/mindspore/hub';

export function giteeSignatureFor(timestamp: string): string {
  return giteeSignature(timestamp, SECRET);
}

/** POSTs a delivery to a Gitee webhook URL, signed with SECRET as Gitee signs it. */
export function postGiteeDelivery(
  url: string,
  event: string,
  body: string | object,
  timestamp = String(Date.now()),
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-gitee-event': event,
      'x-gitee-timestamp': timestamp,
      'x-gitee-token': giteeSignatureFor(timestamp),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function giteeFixture(name: string, headSha?: string): any {
  const payload = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/gitee', `${name}.json`), 'utf8'));
  if (headSha && payload.pull_request) payload.pull_request.head.sha = headSha;
  return payload;
}

export interface GiteeHarness {
  service: ReviewService;
  errors: string[];
  send(
    event: string,
    body: string | object,
    options?: { token?: string; timestamp?: string; encode?: boolean },
  ): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

let clock = 1_764_200_000_000;

/** The Gitee webhook as `serve` mounts it, on a real loopback HTTP server, with test settings. */
export async function startGiteeHarness(
  mode: GiteeAuthMode = 'signature',
  siteSync?: SiteSyncService,
): Promise<GiteeHarness> {
  const errors: string[] = [];
  const verifier = new AssetVerifier(
    { ...DEFAULT_DOWNLOAD_SETTINGS, allowPrivateHosts: ['127.0.0.1'], ca: TEST_CA, retries: 0 },
    { lookup: loopbackOnlyLookup },
  );
  const sourceRepos = new HostedSourceRepoChecker(
    { githubApiUrl: 'https://api.github.com', cacheTtlMs: 0, timeoutMs: 5000 },
    // Anonymous, as a deployment without GITEE_TOKEN reads public source repositories.
    new GiteeApi({ apiUrl: 'https://gitee.com/api/v5', retries: 0, timeoutMs: 5000 }),
  );
  const api = new GiteeApi(
    { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 2, timeoutMs: 5000 },
    async () => {},
  );
  const service = new ReviewService({
    adapters: { hasher: verifier, sourceRepos },
    concurrency: 2,
    retry: { attempts: 1 },
    platforms: {
      gitee: new GiteePlatform({
        api,
        webUrl: 'https://gitee.com',
        labels: {
          pending: 'mshub-review/pending',
          passed: 'mshub-review/passed',
          failed: 'mshub-review/failed',
        },
      }),
    },
    log: {
      info() {},
      error: (data: { err?: Error }) => errors.push(data.err?.message ?? 'unknown'),
    } as never,
  });
  const handler = createGiteeWebhookHandler({
    intents: new QueueIntentSink(service.queue, siteSync),
    auth: { secret: SECRET, mode, windowMs: 3600_000 },
    maxBodyBytes: 64 * 1024,
    replays: new FileReplayGuard(
      join(mkdtempSync(join(tmpdir(), 'gitee-replays-')), 'deliveries.txt'),
      3600_000,
    ),
    budget: new BodyBudget(1024 * 1024),
  });
  const server: Server = createServer((request, response) => {
    void handler(request, response).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    service,
    errors,
    async send(event, body, options = {}) {
      const timestamp = options.timestamp ?? String(Date.now() + (clock++ % 1000));
      const token = options.token ?? (mode === 'signature' ? giteeSignature(timestamp, SECRET) : SECRET);
      const response = await fetch(`http://127.0.0.1:${port}${GITEE_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-gitee-event': event,
          'x-gitee-timestamp': timestamp,
          'x-gitee-token': options.encode ? encodeURIComponent(token) : token,
          'user-agent': 'git-oschina-hook',
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    async close() {
      await service.queue.idle();
      await new Promise((resolve) => server.close(resolve));
      await verifier.close();
    },
  };
}
