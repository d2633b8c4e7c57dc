import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { auditCard } from '../helpers/audit-card.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const LINKS = 24;
const PER_HOST = 2;
const assets = Array.from({ length: LINKS }, (_, index) => testAsset(16 * 1024, 100 + index));

/** The links the log holds a record of, each once. */
function recordedLinks(logPath: string): Set<string> {
  if (!existsSync(logPath)) return new Set();
  const lines = readFileSync(logPath, 'utf8').split('\n');
  // A line the kill cut off is no record.
  return new Set(
    lines.flatMap((line) => {
      try {
        return [JSON.parse(line)[0] as string];
      } catch {
        return [];
      }
    }),
  );
}

/** `audit` in a process of its own, once it has recorded a third of the links. */
async function auditUntilRecorded(
  env: NodeJS.ProcessEnv,
  log: string,
  hub: string,
): Promise<{ process: ChildProcess; exited: Promise<number | null>; stderr: () => string }> {
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), join(REPO_ROOT, 'src/cli/bin.ts'), 'audit', hub, '--no-repos'],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (data) => {
    stderr += String(data);
  });
  let gone = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve)).then((code) => {
    gone = true;
    return code;
  });
  const deadline = Date.now() + 60_000;
  while (!gone && Date.now() < deadline && recordedLinks(log).size < LINKS / 3) await sleep(10);
  assert.equal(gone, false, `the audit was still running when the test meant to stop it: ${stderr}`);
  return { process: child, exited, stderr: () => stderr };
}

describe('mshub-review audit, killed mid-run', () => {
  let server: AssetServer;
  let hub: string;
  let stateDir: string;
  /** Full downloads of each asset, by its path. */
  const downloads = new Map<string, number>();

  before(async () => {
    const serve = assets.map((asset) => serveAsset(asset.bytes));
    server = await startAssetServer((request, response, index) => {
      const path = request.url ?? '';
      const asset = Number(/^\/asset\/(\d+)$/.exec(path)?.[1] ?? -1);
      if (request.method === 'GET' && request.headers.range === undefined)
        downloads.set(path, (downloads.get(path) ?? 0) + 1);
      const handler = serve[asset];
      // Slow enough that the kill comes with links still to do.
      setTimeout(() => (handler ? handler(request, response, index) : response.writeHead(404).end()), 40);
    });
    const root = mkdtempSync(join(tmpdir(), 'mshub-audit-killed-'));
    hub = join(root, 'hub');
    stateDir = join(root, 'state');
    const write = (path: string, text: string) => {
      mkdirSync(join(hub, path, '..'), { recursive: true });
      writeFileSync(join(hub, path), text);
    };
    write('.github/mshub-review.yml', 'asset-hosts: ["127.0.0.1:*"]\n');
    for (const [index, asset] of assets.entries())
      write(
        `mshub_res/assets/p${index}/1.9/m${index}_mnli.md`,
        auditCard(server.url(`/asset/${index}`), asset.sha256),
      );
  });
  after(() => server.close());

  const envFor = (state: string) => ({
    ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
    ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
    ASSET_RETRIES: '0',
    AUDIT_PER_HOST: String(PER_HOST),
    STATE_DIR: state,
  });

  it('goes on from the links it recorded before SIGKILL, in the same audit, each downloaded once', async () => {
    const env = envFor(stateDir);
    const header = join(stateDir, 'audit-state.json');
    const log = join(stateDir, 'audit-state.links.jsonl');
    const child = await auditUntilRecorded(env, log, hub);
    child.process.kill('SIGKILL');
    await child.exited;

    const before = recordedLinks(log);
    assert.ok(before.size < LINKS, `killed with ${LINKS - before.size} links to go`);
    const killedRun = JSON.parse(readFileSync(header, 'utf8')).run;
    assert.equal(killedRun.finishedAt, undefined, 'the killed audit is unfinished');
    const downloadedBefore = new Map(downloads);

    const run = await runCliCaptured(['audit', hub, '--no-repos', '--format', 'json'], { env });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).totals.links, LINKS);
    const finished = JSON.parse(readFileSync(header, 'utf8')).run;
    assert.equal(finished.id, killedRun.id, 'the same audit went on');
    assert.ok(finished.finishedAt);
    assert.equal(recordedLinks(log).size, LINKS);

    for (const link of before)
      assert.equal(
        downloads.get(new URL(link).pathname),
        1,
        `${link}: recorded before the kill, not asked again`,
      );
    const twice = [...downloads].filter(([, count]) => count > 1).map(([path]) => path);
    assert.ok(
      twice.length <= PER_HOST,
      `only the links in hand at the kill were downloaded again: ${twice.join(', ')}`,
    );
    for (const path of twice) assert.ok(downloadedBefore.has(path), `${path} was in hand at the kill`);
    assert.equal(downloads.size, LINKS);
  });

  it('stops between links on SIGTERM, as on Ctrl+C: exit 130, the state written, no gathered links left behind', async () => {
    const state = join(stateDir, '..', 'state-term');
    const env = envFor(state);
    const log = join(state, 'audit-state.links.jsonl');
    const child = await auditUntilRecorded(env, log, hub);
    child.process.kill('SIGTERM');
    assert.equal(await child.exited, 130, child.stderr());
    assert.match(child.stderr(), /Audit stopped; what it saw is kept in .*audit-state\.json/);
    assert.equal(existsSync(join(state, 'audit-state.targets.jsonl')), false);
    const header = JSON.parse(readFileSync(join(state, 'audit-state.json'), 'utf8'));
    assert.equal(header.run.finishedAt, undefined);
    assert.ok(recordedLinks(log).size < LINKS);
  });
});
