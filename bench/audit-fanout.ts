import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../src/config/environment.js';
import {
  AUDIT_LINK_QUEUE_NAME,
  type AuditLinkJob,
  RedisAuditLinkWorker,
} from '../src/jobs/redis-audit-link-worker.js';
import { RedisLinkFanout } from '../src/jobs/redis-link-fanout.js';
import { createAuditNetwork } from '../src/net/audit-network.js';
import { TEST_CA } from '../test/helpers/asset-server.js';
import { deleteKeys, REDIS_SKIP, TEST_REDIS_URL, testPrefix } from '../test/helpers/redis.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');

export interface FanoutRun {
  workers: number;
  ms: number;
  /** What the limits allow: each host's links over min(its limit, the slots the workers have for it). */
  allowedMs: number;
  /** The most requests any host had at once, as the hosts counted them. */
  mostAtOnce: number;
  audited: number;
}

export interface FanoutBenchResult {
  links: number;
  hosts: number;
  perHost: number;
  perWorker: number;
  delayMs: number;
  runs: FanoutRun[];
  skipped?: string;
}

/**
 * A Redis-mode audit's links spread over 1 to 12 link workers (BullMQ workers with a connection and
 * a guarded agent each, in this process) against `hosts` loopback hosts that answer after `delayMs`:
 * the time falls as workers are added until the per-host limits bind, and no host ever sees more
 * than its limit at once.
 */
export async function benchAuditFanout(
  count = 480,
  hosts = 8,
  perHost = 4,
  perWorker = 4,
  delayMs = 100,
  workerCounts: readonly number[] = [1, 2, 4, 8, 12],
): Promise<FanoutBenchResult> {
  const base = { links: count, hosts, perHost, perWorker, delayMs, runs: [] as FanoutRun[] };
  if (REDIS_SKIP) return { ...base, skipped: REDIS_SKIP };
  const server = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'bench/audit-hub-server.mjs'),
      join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
      join(REPO_ROOT, 'test/fixtures/tls/loopback-key.pem'),
      String(hosts),
      String(delayMs),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: server.stdout });
  const nextLine = () => new Promise<string>((done) => lines.once('line', done));
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const ports = JSON.parse(await nextLine()) as number[];
    const links = Array.from(
      { length: count },
      (_, index) => `https://127.0.0.1:${ports[index % hosts]}/ok/${index}`,
    );
    for (const workers of workerCounts) {
      const prefix = testPrefix();
      const connections: Redis[] = [];
      const connect = () => {
        const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
        connections.push(connection);
        return connection;
      };
      const networks = Array.from({ length: workers }, () =>
        createAuditNetwork({
          ...DEFAULT_DOWNLOAD_SETTINGS,
          allowPrivateHosts: ['127.0.0.1'],
          ca: TEST_CA,
          retries: 0,
        }),
      );
      const linkWorkers = networks.map(
        (network) =>
          new RedisAuditLinkWorker({ ...network, now: () => new Date() }, connect(), {
            url: TEST_REDIS_URL,
            prefix,
            concurrency: perWorker,
          }),
      );
      await Promise.all(linkWorkers.map((worker) => worker.ready()));
      const queue = new Queue<AuditLinkJob>(AUDIT_LINK_QUEUE_NAME, { connection: connect(), prefix });
      const fanout = new RedisLinkFanout(queue, redis, 'bench:hub/fanout', { prefix, pollMs: 25 });
      server.stdin.write('stats\n');
      await nextLine();
      const started = performance.now();
      const tasks = links.map((link) => ({ link, rolling: false, hash: false }));
      let audited = 0;
      await fanout.audit('run-1', Object.assign(tasks, { size: tasks.length }), {
        bounds: { atOnce: perHost },
        onRecord: () => {
          audited++;
        },
      });
      const ms = performance.now() - started;
      server.stdin.write('stats\n');
      const most = JSON.parse(await nextLine()) as number[];
      const slots = Math.min(workers * perWorker, hosts * perHost);
      base.runs.push({
        workers,
        ms,
        allowedMs: (count * delayMs) / slots,
        mostAtOnce: Math.max(...most),
        audited,
      });
      await Promise.all(linkWorkers.map((worker) => worker.close()));
      await queue.close();
      await Promise.all(networks.map((network) => network.close()));
      await deleteKeys(redis, prefix);
      for (const connection of connections) connection.disconnect();
    }
    return base;
  } finally {
    redis.disconnect();
    server.kill('SIGTERM');
  }
}
