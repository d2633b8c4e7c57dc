import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import nock from 'nock';
import { runAudit } from '../../src/cli/audit-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { auditCard } from '../helpers/audit-card.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { useStrictNock } from '../helpers/nock-strict.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const GITEE = 'https://gitee.com';
const HUB_CONF = 'def create_network(name, *args, **kwargs):\n    return None\n';

const healthy = testAsset(64 * 1024, 11);
const moved = testAsset(64 * 1024, 12);
const original = testAsset(64 * 1024, 13);
const replacement = testAsset(64 * 1024, 14);

function giteeAnswers(times: number): void {
  const api = nock(GITEE).persist(false);
  for (let run = 0; run < times; run++) {
    api
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
      .query(true)
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(HUB_CONF).toString('base64') });
    // Gitee answers a path that does not exist with an empty list.
    api
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/gone/mindspore_hub_conf.py')
      .query(true)
      .reply(200, []);
    api.get('/api/v5/repos/mindspore/models').query(true).reply(200, { full_name: 'mindspore/models' });
    api.get('/api/v5/repos/mindspore/models/commits/r1.9').query(true).reply(200, { sha: 'abc' });
  }
}

describe('mshub-review audit', () => {
  useStrictNock();
  let server: AssetServer;
  let replaced = false;
  let hub: string;
  let state: string;
  const env = () => ({
    ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
    ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
    ASSET_RETRIES: '0',
    STATE_DIR: join(hub, '..', 'state'),
    GITEE_TOKEN: 'bot-token',
  });
  /** The tracking issue's text as the bot last wrote it on the loopback Gitee. */
  let issueBody = '';
  const giteeIssues = (existing: boolean) => {
    const api = nock(GITEE);
    api.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
    api
      .get('/api/v5/repos/mindspore/hub/issues')
      .query({
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        creator: 'mshub-bot',
        page: '1',
        per_page: '100',
      })
      .reply(
        200,
        existing
          ? [
              {
                number: 'I8AUDT',
                body: issueBody,
                user: { login: 'mshub-bot' },
                html_url: 'https://gitee.com/mindspore/hub/issues/I8AUDT',
              },
            ]
          : [],
      );
    if (existing)
      api
        .patch('/api/v5/repos/mindspore/issues/I8AUDT', (body: { repo: string; body: string }) => {
          issueBody = body.body;
          return body.repo === 'hub';
        })
        .reply(200, { number: 'I8AUDT' });
    else
      api
        .post('/api/v5/repos/mindspore/issues', (body: { repo: string; title: string; body: string }) => {
          issueBody = body.body;
          return body.repo === 'hub' && /Hub 审计/.test(body.title);
        })
        .reply(201, { number: 'I8AUDT', html_url: 'https://gitee.com/mindspore/hub/issues/I8AUDT' });
  };

  before(async () => {
    const ok = serveAsset(healthy.bytes);
    const movedHere = serveAsset(moved.bytes);
    const first = serveAsset(original.bytes, '"v1"');
    const second = serveAsset(replacement.bytes, '"v2"');
    server = await startAssetServer((request, response, index) => {
      const path = request.url ?? '';
      if (path === '/ok.ckpt') return ok(request, response, index);
      if (path === '/new/moved.ckpt') return movedHere(request, response, index);
      if (path === '/replaced.ckpt') return (replaced ? second : first)(request, response, index);
      if (path === '/old/moved.ckpt') {
        response.writeHead(301, { location: '/new/moved.ckpt' });
        return response.end();
      }
      response.writeHead(404);
      response.end();
    });
    const root = mkdtempSync(join(tmpdir(), 'mshub-audit-'));
    hub = join(root, 'hub');
    state = join(root, 'state', 'audit-state.json');
    const write = (path: string, text: string) => {
      mkdirSync(join(hub, path, '..'), { recursive: true });
      writeFileSync(join(hub, path), text);
    };
    write('.github/mshub-review.yml', 'asset-hosts: ["127.0.0.1:*"]\n');
    write('mshub_res/assets/alice/1.9/ok_mnli.md', auditCard(server.url('/ok.ckpt'), healthy.sha256));
    write('mshub_res/assets/bob/1.9/dead_mnli.md', auditCard(server.url('/dead.ckpt'), healthy.sha256));
    write('mshub_res/assets/carol/1.9/moved_mnli.md', auditCard(server.url('/old/moved.ckpt'), moved.sha256));
    write(
      'mshub_res/assets/dave/1.9/replaced_mnli.md',
      auditCard(
        server.url('/replaced.ckpt'),
        original.sha256,
        'https://gitee.com/mindspore/models/tree/r1.9/research/nlp/gone',
      ),
    );
  });
  after(() => server.close());

  const faultsOf = (stdout: string) =>
    (
      JSON.parse(stdout).faults as Array<{
        kind: string;
        status: string;
        publisher: string;
        movedTo?: string;
        fix: string;
      }>
    ).map((fault) => `${fault.status} ${fault.kind} ${fault.publisher}`);

  it('finds the dead link, the moved one with the same bytes, and the folder without mindspore_hub_conf.py', async () => {
    giteeAnswers(1);
    giteeIssues(false);
    const run = await runCliCaptured(
      ['audit', hub, '--format', 'json', '--report-to', 'gitee:mindspore/hub'],
      { env: env() },
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /Tracking issue opened: https:\/\/gitee\.com\/mindspore\/hub\/issues\/I8AUDT/);
    assert.match(issueBody, /^<!-- mshub-review:audit -->\n## \d{4}-\d{2}-\d{2} 的 Hub 审计/);
    assert.match(issueBody, /<summary>English（英文版本）<\/summary>\n\n## Hub audit of/);
    assert.deepEqual(faultsOf(run.stdout).sort(), [
      'new asset-dead bob',
      'new asset-moved carol',
      'new hub-conf-missing dave',
    ]);
    const report = JSON.parse(run.stdout);
    const movedFault = report.faults.find((fault: { kind: string }) => fault.kind === 'asset-moved');
    assert.equal(movedFault.movedTo, server.url('/new/moved.ckpt'));
    assert.equal(
      movedFault.fix,
      `Update the link: \`asset-link: <${server.url('/new/moved.ckpt')}>\` (\`mshub-review fix --from-audit\` writes it).`,
    );
    assert.match(movedFault.message, /where the file still has the digest in `asset-sha256`/);
    const dead = report.faults.find((fault: { kind: string }) => fault.kind === 'asset-dead');
    assert.match(
      dead.message,
      /cannot be downloaded any more \(`the server answered HTTP 404`\); no audit has reached it yet/,
    );
    assert.deepEqual(report.totals, {
      files: 4,
      links: 4,
      dead: 1,
      unknown: 0,
      hashed: 3,
      hashedBytes: 3 * 64 * 1024,
      repos: 2,
    });
    assert.ok(JSON.parse(readFileSync(state, 'utf8')).run.finishedAt);
  });

  it('says only what changed the second time: the replaced file, with both digests, and not the faults already said', async () => {
    replaced = true;
    giteeAnswers(1);
    giteeIssues(true);
    const before = issueBody;
    const downloadsBefore = server.requests.filter(
      (request) => request.method === 'GET' && request.path === '/ok.ckpt' && !request.headers.range,
    ).length;
    const run = await runCliCaptured(
      ['audit', hub, '--format', 'json', '--report-to', 'gitee:mindspore/hub'],
      {
        env: env(),
      },
    );
    assert.equal(run.code, 1, run.stderr);
    // The same issue, edited in place: the replaced file is the one new fault, the others still open.
    assert.match(run.stderr, /Tracking issue updated: https:\/\/gitee\.com\/mindspore\/hub\/issues\/I8AUDT/);
    assert.notEqual(issueBody, before);
    const newSection = issueBody.slice(
      issueBody.indexOf('### 上次审计以来的新问题'),
      issueBody.indexOf('### 仍未解决'),
    );
    assert.match(newSection, /asset-replaced/);
    assert.doesNotMatch(newSection, /asset-dead|asset-moved|hub-conf-missing/);
    assert.deepEqual(faultsOf(run.stdout).sort(), [
      'new asset-replaced dave',
      'ongoing asset-dead bob',
      'ongoing asset-moved carol',
      'ongoing hub-conf-missing dave',
    ]);
    const fault = JSON.parse(run.stdout).faults.find(
      (item: { kind: string }) => item.kind === 'asset-replaced',
    );
    assert.ok(
      fault.message.includes(original.sha256) && fault.message.includes(replacement.sha256),
      fault.message,
    );
    assert.equal(
      fault.fix,
      `If the new file is the one meant, check it and write \`asset-sha256: ${replacement.sha256}\`; otherwise put the original file back.`,
    );
    // Nothing said the unchanged file changed: a one-byte request, no second download.
    assert.equal(
      server.requests.filter(
        (request) => request.method === 'GET' && request.path === '/ok.ckpt' && !request.headers.range,
      ).length,
      downloadsBefore,
    );
  });

  it('reports in Chinese as text, the new faults apart from those still open', async () => {
    giteeAnswers(1);
    const run = await runCliCaptured(['audit', hub, '--lang', 'zh'], { env: env() });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /Hub 审计/);
    assert.match(
      run.stdout,
      /仍未解决:\n {2}发布者 bob\n {4}✖ asset-dead: 模型文件 `https:\/\/127\.0\.0\.1:\d+\/dead\.ckpt` 已无法下载/,
    );
    assert.doesNotMatch(run.stdout, /上次审计以来的新问题/);
  });

  it('writes the new address of the moved link with fix --from-audit, and the next audit finds it fixed', async () => {
    const card = join(hub, 'mshub_res/assets/carol/1.9/moved_mnli.md');
    const fixed = await runCliCaptured(['fix', card, '--from-audit', state], { env: env() });
    assert.match(
      fixed.stdout,
      new RegExp(`\\+ {4}asset-link: <${server.url('/new/moved.ckpt').replaceAll('.', '\\.')}>`),
    );
    assert.match(
      readFileSync(card, 'utf8'),
      new RegExp(`asset-link: <${server.url('/new/moved.ckpt').replaceAll('.', '\\.')}>`),
    );
    giteeAnswers(1);
    const run = await runCliCaptured(['audit', hub, '--format', 'json'], { env: env() });
    assert.ok(!faultsOf(run.stdout).some((fault) => fault.includes('asset-moved')), run.stdout);
    assert.ok(JSON.parse(run.stdout).ended.some((key: string) => key.startsWith('asset-moved|carol|')));
  });

  it('says where the audit state is missing instead of changing nothing in silence', async () => {
    const run = await runCliCaptured(['fix', hub, '--from-audit', join(hub, 'no-such-state.json')], {
      env: env(),
    });
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /There is no audit state at .*no-such-state\.json: run `mshub-review audit` first/,
    );
  });

  it('shows its progress at a terminal: links done, bytes hashed, the rate and the time left', async () => {
    let stderr = '';
    const code = await runAudit(
      hub,
      { format: 'json', hash: false, repos: false },
      {
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text), isTTY: true },
        environment: readEnvironment(env()),
      },
    );
    assert.equal(code, 1);
    assert.match(stderr, /audit: 4 of 4 links, 0\.0 MiB hashed, \d+\.\d links\/s, 0:00 left/);
    assert.ok(stderr.endsWith('\r\u001b[K'), 'the line is cleared before the report');
  });

  it("keeps the tracking issue on a GitHub hub with GITHUB_TOKEN, as the token's owner", async () => {
    giteeAnswers(1);
    const api = nock('https://api.github.com');
    api.get('/user').reply(200, { login: 'hub-maintainer' });
    api
      .get('/repos/mindspore-ai/hub/issues')
      .query(true)
      .reply(200, [
        { number: 3, body: '<!-- mshub-review:audit -->\ncopied', user: { login: 'someone-else' } },
      ]);
    let opened = '';
    api
      .post('/repos/mindspore-ai/hub/issues', (body: { body: string }) => {
        opened = body.body;
        return true;
      })
      .reply(201, { number: 9, html_url: 'https://github.com/mindspore-ai/hub/issues/9' });
    const run = await runCliCaptured(
      ['audit', hub, '--report-to', 'github:mindspore-ai/hub', '--lang', 'en'],
      {
        env: { ...env(), GITHUB_TOKEN: 'ghp_test' },
      },
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /Tracking issue opened: https:\/\/github\.com\/mindspore-ai\/hub\/issues\/9/);
    assert.match(opened, /^<!-- mshub-review:audit -->\n## Hub audit of \d{4}-\d{2}-\d{2}/);
  });

  it('says which token it needs before it audits anything', async () => {
    const run = await runCliCaptured(['audit', hub, '--report-to', 'github:mindspore-ai/hub'], {
      env: env(),
    });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /needs a token with access to the repository in GITHUB_TOKEN/);
  });
});
