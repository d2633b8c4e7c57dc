import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nock from 'nock';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../../src/config/environment.js';
import { createAuditNetwork } from '../../src/net/audit-network.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { GiteePlatform } from '../../src/platforms/gitee/gitee-platform.js';
import { auditSnapshotPath, readAuditSnapshot } from '../../src/platforms/local/audit-snapshot-file.js';
import type { HubAuditOutcome } from '../../src/review/run-hub-audit.js';
import { Activity } from '../../src/service/activity.js';
import { AuditService } from '../../src/service/audit-service.js';
import { renderMetrics } from '../../src/service/operator-view.js';
import {
  type AssetServer,
  serveAsset,
  startAssetServer,
  TEST_CA,
  testAsset,
} from '../helpers/asset-server.js';
import { hubFileWith, mockGiteeHubAt } from '../helpers/fake-audit-hub.js';
import { CLEAN_PATH } from '../helpers/fixtures.js';
import { useStrictNock } from '../helpers/nock-strict.js';

const GITEE = 'https://gitee.com';
const HUB_API = '/api/v5/repos/mindspore/hub';
const HEAD = 'c0ffee'.padEnd(40, '0');
const base64 = (text: string) => Buffer.from(text).toString('base64');
const asset = testAsset(32 * 1024, 21);

describe('the scheduled audit of a Gitee hub', () => {
  useStrictNock();
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer((request, response, index) => {
      if (request.url === '/albert.ckpt') return serveAsset(asset.bytes)(request, response, index);
      response.writeHead(404);
      response.end();
    });
  });
  after(() => server.close());

  function mockHub(card: string, issues: unknown[]): { created: string[] } {
    const created: string[] = [];
    const api = nock(GITEE, { reqheaders: { authorization: 'Bearer tok' } });
    mockGiteeHubAt(api, HEAD, [
      { path: CLEAN_PATH, sha: 'b1' },
      { path: 'README.md', sha: 'b2' },
    ]);
    api.get(`${HUB_API}/git/blobs/b1`).reply(200, { encoding: 'base64', content: base64(card) });
    api.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
    api.get(`${HUB_API}/issues`).query(true).reply(200, issues);
    if (issues.length === 0)
      api
        .post('/api/v5/repos/mindspore/issues', (body: { repo: string; body: string }) => {
          created.push(body.body);
          return body.repo === 'hub';
        })
        .reply(201, { number: 'I9HUB', html_url: 'https://gitee.com/mindspore/hub/issues/I9HUB' });
    return { created };
  }

  const heads: string[] = [];
  const progress: string[] = [];
  function service(stateDir: string, activity: Activity) {
    const api = new GiteeApi({ apiUrl: `${GITEE}/api/v5`, token: 'tok', retries: 0, timeoutMs: 5000 });
    const network = createAuditNetwork({
      ...DEFAULT_DOWNLOAD_SETTINGS,
      allowPrivateHosts: ['127.0.0.1'],
      ca: TEST_CA,
      retries: 0,
    });
    const audits = new AuditService({
      hubs: ['gitee:mindspore/hub'],
      platforms: {
        gitee: new GiteePlatform({
          api,
          webUrl: GITEE,
          labels: { pending: 'p', passed: 'ok', failed: 'f' },
        } as never),
      },
      network,
      sourceRepos: {
        check: async () => ({
          ok: true,
          definesCreateNetwork: true,
          url: 'https://gitee.com/mindspore/models',
        }),
      },
      settings: {
        hubs: [],
        schedule: '0 3 * * *',
        rollingHashBytes: 0,
        rehashAfterMs: 1e12,
        perHost: 2,
        concurrency: 4,
        hostRate: 0,
        github: { apiUrl: 'https://api.github.com' },
      },
      stateDir,
      onProgress: (hub, running) =>
        progress.push(running ? `${hub} ${running.linksDone}/${running.links}` : 'ended'),
      onAudit: (hub, report, head) => {
        heads.push(head.commit);
        activity.recordAudit(hub, {
          finishedAt: Date.parse(report.finishedAt),
          links: { alive: report.totals.links - report.totals.dead, dead: report.totals.dead, unknown: 0 },
          faults: { 'asset-dead': report.fresh.length },
          newFaults: report.fresh.length,
        });
      },
    });
    return { audits, network };
  }

  it('reads the hub at the head of its default branch, audits it and opens the tracking issue in Chinese and English', async () => {
    const card = hubFileWith(server.url('/gone.ckpt'), asset.sha256);
    const { created } = mockHub(card, []);
    const activity = new Activity();
    const stateDir = mkdtempSync(join(tmpdir(), 'mshub-audit-svc-'));
    const { audits, network } = service(stateDir, activity);
    try {
      const outcome = (await audits.audit('gitee:mindspore/hub')) as HubAuditOutcome;
      // What the hub page shows at the next sync of the commit audited.
      assert.deepEqual(heads, [HEAD]);
      assert.deepEqual(
        progress.splice(0),
        ['gitee:mindspore/hub 1/1', 'ended'],
        '/status saw the audit run, and no longer once it finished',
      );
      const snapshot = readAuditSnapshot(auditSnapshotPath(stateDir, 'gitee:mindspore/hub'));
      assert.deepEqual(
        snapshot?.faults.map((fault) => [fault.path, fault.kind]),
        [[CLEAN_PATH, 'asset-dead']],
      );
      assert.equal(outcome.finished, true);
      assert.equal(outcome.finished && outcome.issue?.kind, 'created');
      assert.equal(created.length, 1);
      assert.match(created[0] ?? '', /^<!-- mshub-review:audit -->\n## \d{4}-\d{2}-\d{2} 的 Hub 审计/);
      assert.match(created[0] ?? '', /asset-dead/);
      assert.match(created[0] ?? '', /<summary>English（英文版本）<\/summary>/);
      const metrics = renderMetrics({
        activity,
        verifier: { stats: { downloads: 0, cacheHits: 0, bytesDownloaded: 0 } },
      } as never);
      assert.match(metrics, /mshub_audit_links\{hub="gitee:mindspore\/hub",state="dead"\} 1/);
      assert.match(metrics, /mshub_audit_age_seconds\{hub="gitee:mindspore\/hub"\} \d+/);
    } finally {
      await network.close();
    }
  });

  it('asks the platform only for the files that changed since the last audit, after a restart too', async () => {
    const card = hubFileWith(server.url('/albert.ckpt'), asset.sha256);
    const { created } = mockHub(card, []);
    const stateDir = mkdtempSync(join(tmpdir(), 'mshub-audit-svc-'));
    const first = service(stateDir, new Activity());
    try {
      const outcome = (await first.audits.audit('gitee:mindspore/hub')) as HubAuditOutcome;
      assert.equal(outcome.finished, true);
    } finally {
      await first.network.close();
    }
    // A new process on the same STATE_DIR, at a commit that adds one file: only that file is read.
    const added = CLEAN_PATH.replace('/albert', '/albert_copy');
    const api = nock(GITEE, { reqheaders: { authorization: 'Bearer tok' } });
    mockGiteeHubAt(api, 'beef'.padEnd(40, '0'), [
      { path: CLEAN_PATH, sha: 'b1' },
      { path: added, sha: 'b3' },
    ]);
    const blobsAsked: string[] = [];
    api.get(`${HUB_API}/git/blobs/b3`).reply(200, () => {
      blobsAsked.push('b3');
      return { encoding: 'base64', content: base64(card) };
    });
    api.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
    api
      .get(`${HUB_API}/issues`)
      .query(true)
      .reply(200, [{ number: 'I9HUB', body: created[0], user: { login: 'mshub-bot' } }]);
    api.patch('/api/v5/repos/mindspore/issues/I9HUB').reply(200, {});
    const restarted = service(stateDir, new Activity());
    try {
      const outcome = (await restarted.audits.audit('gitee:mindspore/hub')) as HubAuditOutcome;
      assert.equal(outcome.finished, true);
      if (!outcome.finished) return;
      assert.equal(outcome.report.totals.files, 2, 'both files audited');
      assert.deepEqual(blobsAsked, ['b3'], 'the unchanged file was read from STATE_DIR');
    } finally {
      await restarted.network.close();
    }
  });

  it('goes on with the hub whose audit a stop left unfinished', async () => {
    const card = hubFileWith(server.url('/albert.ckpt'), asset.sha256);
    const stateDir = mkdtempSync(join(tmpdir(), 'mshub-audit-svc-'));
    const { audits, network } = service(stateDir, new Activity());
    try {
      const api = nock(GITEE);
      api.get(HUB_API).reply(200, { default_branch: 'master' });
      api.get(`${HUB_API}/branches/master`).reply(200, { commit: { sha: HEAD } });
      api
        .get(`${HUB_API}/git/trees/${HEAD}`)
        .query(true)
        .reply(200, { tree: [{ path: CLEAN_PATH, type: 'blob', sha: 'b1' }] });
      api.get(`${HUB_API}/contents/.github/mshub-review.yml`).reply(200, {
        type: 'file',
        encoding: 'base64',
        content: base64('asset-hosts: ["127.0.0.1:*"]\n'),
      });
      api.get(`${HUB_API}/git/blobs/b1`).reply(200, { encoding: 'base64', content: base64(card) });
      const stopped = new AbortController();
      stopped.abort();
      assert.deepEqual(await audits.audit('gitee:mindspore/hub', stopped.signal), { finished: false });
      assert.deepEqual(await audits.unfinished(), ['gitee:mindspore/hub']);
    } finally {
      await network.close();
    }
  });
});
