import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../test/helpers/redis.js';
import { linksOf } from './audit.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const CERT = join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem');
const KEY = join(REPO_ROOT, 'test/fixtures/tls/loopback-key.pem');

export interface RedisAuditRun {
  ms: number;
  peakMiB: number;
  retainedMiB: number;
  finished: boolean;
  /** Links whose record is of this run, as the auditing process read them back. */
  recorded: number;
}

export interface RedisAuditBenchResult {
  links: number;
  small: number;
  /** The second run of each hub: its state (a record a link) is read back from Redis. */
  large: RedisAuditRun;
  smallRun: RedisAuditRun;
  skipped?: string;
}

/**
 * The auditing process of a Redis-mode audit (what a `serve` replica runs), its links audited by a
 * worker process: its peak RSS and the heap it holds for a hub of `count` links against one of a
 * tenth of them, each on its second run, when the state it reads back has a record for every link.
 */
export async function benchAuditRedis(
  count = 30_000,
  hosts = 10,
  perHost = 4,
  delayMs = 2,
): Promise<RedisAuditBenchResult> {
  const small = count / 10;
  const skippedResult = (why: string) => ({
    links: count,
    small,
    large: { ms: 0, peakMiB: 0, retainedMiB: 0, finished: false, recorded: 0 },
    smallRun: { ms: 0, peakMiB: 0, retainedMiB: 0, finished: false, recorded: 0 },
    skipped: why,
  });
  if (REDIS_SKIP) return skippedResult(REDIS_SKIP);
  const folder = mkdtempSync(join(tmpdir(), 'mshub-audit-redis-bench-'));
  const prefix = testPrefix();
  const server = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bench/audit-hub-server.mjs'), CERT, KEY, String(hosts), String(delayMs)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const worker = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bench/audit-redis-worker.mjs'), CERT, TEST_REDIS_URL, prefix, String(hosts * perHost)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const firstLine = (stream: NodeJS.ReadableStream) =>
    new Promise<string>((done) => createInterface({ input: stream }).once('line', done));
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const [portsLine] = await Promise.all([firstLine(server.stdout), firstLine(worker.stdout)]);
    const ports = JSON.parse(portsLine) as number[];
    const run = (hub: string, links: readonly string[]): RedisAuditRun => {
      const child = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          join(REPO_ROOT, 'bench/audit-redis-child.mjs'),
          TEST_REDIS_URL,
          prefix,
          hub,
          folder,
          String(perHost),
        ],
        { input: `${links.join('\n')}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      );
      if (child.status !== 0) throw new Error(`Redis-mode audit child failed: ${child.stderr}`);
      return JSON.parse(child.stdout);
    };
    const largeLinks = linksOf(ports, count);
    const smallLinks = linksOf(ports, small);
    run('gitee:bench/large', largeLinks);
    const large = run('gitee:bench/large', largeLinks);
    run('gitee:bench/small', smallLinks);
    const smallRun = run('gitee:bench/small', smallLinks);
    return { links: count, small, large, smallRun };
  } finally {
    worker.kill('SIGTERM');
    server.kill('SIGTERM');
    await deleteKeys(redis, prefix);
    redis.disconnect();
    rmSync(folder, { recursive: true, force: true });
  }
}
