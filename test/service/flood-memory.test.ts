import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { floodPost } from '../helpers/flood-post.js';
import { TEST_APP_KEY } from '../helpers/github-app-harness.js';
import { describeUnless } from '../helpers/suite.js';

const BIN = join(REPO_ROOT, 'bin/mshub-review.js');
const BUILT = existsSync(join(REPO_ROOT, 'dist/bundle'));
const MISSING =
  process.platform !== 'linux'
    ? 'peak memory is read from /proc (Linux only)'
    : BUILT
      ? false
      : 'dist/ is not built here (npm run build): the flood is measured on the served build';
const MIB = 1024 * 1024;

/** The process's peak resident memory so far (Linux: VmHWM). */
function peakRssMiB(pid: number): number {
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kib / 1024;
}

async function startServe(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: mkdtempSync(join(tmpdir(), 'flood-cwd-')),
    env: {
      PATH: process.env.PATH ?? '',
      APP_ID: '1',
      PRIVATE_KEY: TEST_APP_KEY,
      WEBHOOK_SECRET: 'flood-github-secret',
      GITCODE_WEBHOOK_SECRET: 'flood-gitcode-secret',
      GITCODE_TOKEN: 't',
      // No network here: the start-up look for pending GitHub reviews fails at once, and says so.
      GHE_HOST: '127.0.0.1:9',
      GHE_PROTOCOL: 'http',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'flood-state-')),
      HOST: '127.0.0.1',
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  child.stderr?.resume();
  const deadline = Date.now() + 30_000;
  while (!/"port":(\d+)/.test(log)) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`serve did not start: ${log.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, port: Number(/"port":(\d+)/.exec(log)?.[1]) };
}

describeUnless(MISSING, 'serve under a flood of forged webhook bodies', () => {
  it('refuses fifty concurrent 50 MB forged bodies with its peak memory under 150 MB', async () => {
    const { child, port } = await startServe();
    const pid = child.pid ?? 0;
    try {
      const before = peakRssMiB(pid);
      const base = `http://127.0.0.1:${port}`;
      const forged = (index: number) =>
        index % 2 === 0
          ? floodPost(
              `${base}/api/github/webhooks`,
              {
                'content-type': 'application/json',
                'x-github-event': 'pull_request',
                'x-github-delivery': `flood-${index}`,
                'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
              },
              50 * MIB,
            )
          : floodPost(
              `${base}/api/gitcode/webhooks`,
              {
                'content-type': 'application/json',
                'x-gitcode-event': 'Merge Request Hook',
                'x-gitcode-signature-256': `sha256=${'0'.repeat(64)}`,
              },
              50 * MIB,
            );
      const statuses = await Promise.all(
        Array.from({ length: 50 }, async (_, index) => (await forged(index)).status),
      );
      const peak = peakRssMiB(pid);
      assert.ok(
        statuses.every((status) => status === undefined || (status >= 400 && status < 600 && status !== 500)),
        `every forged body was refused: ${statuses.join(', ')}`,
      );
      assert.ok(peak < 150, `peak RSS ${peak.toFixed(0)} MiB (${before.toFixed(0)} MiB before the flood)`);
      const health = await fetch(`${base}/healthz`);
      assert.equal(health.status, 200, 'serve still answers');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
