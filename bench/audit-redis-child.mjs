// The auditing process of a Redis-mode audit for `npm run bench`: it reads the state from Redis into
// its copy under the state folder, queues the links for the workers (another process) and reads back
// what they recorded, as `serve` does. Its peak RSS is what the auditing replica needs.
// Usage: node --expose-gc bench/audit-redis-child.mjs <redis-url> <prefix> <hub> <state-dir> <perHost>
// (links on stdin, one a line); prints JSON with the time, peak RSS and heap held.
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { AUDIT_LINK_QUEUE_NAME } from '../dist/jobs/redis-audit-link-worker.js';
import { RedisAuditState } from '../dist/jobs/redis-audit-state.js';
import { connectRedis } from '../dist/jobs/redis-connection.js';
import { RedisLinkFanout } from '../dist/jobs/redis-link-fanout.js';
import { hubAuditStatePath } from '../dist/platforms/local/audit-state-file.js';
import { linkRecordsCopy, linkRecordsCopyPath } from '../dist/platforms/local/link-records-copy.js';
import { freshLinkTargetsFile, linkTargetsPath } from '../dist/platforms/local/link-targets-file.js';
import { auditHub } from '../dist/review/audit-hub.js';
import { heldHeapMiB, peakRssMiB } from './child-memory.mjs';

const [url, prefix, HUB, stateDir, perHost] = process.argv.slice(2);
const statePath = hubAuditStatePath(stateDir, HUB);
const spool = freshLinkTargetsFile(linkTargetsPath(statePath));
for await (const link of createInterface({ input: process.stdin })) {
  if (link) spool.set(link, { link, expected: new Set(), files: [] });
}
const targets = { links: spool, repos: new Map(), rejected: [], files: spool.size };
const redis = connectRedis(url, 'worker');
const queue = new Queue(AUDIT_LINK_QUEUE_NAME, { connection: connectRedis(url, 'worker'), prefix });
const store = new RedisAuditState(redis, prefix, HUB, {
  localRecords: () => linkRecordsCopy(linkRecordsCopyPath(statePath)),
});
const state = await store.load();
const started = performance.now();
const notHere = () => {
  throw new Error('the workers audit the links, not the auditing process');
};
const { totals, finished } = await auditHub(
  targets,
  state,
  {
    observe: notHere,
    hash: notHere,
    save: (current) => store.save(current),
    adopt: (link) => store.adopt(link),
    fanout: new RedisLinkFanout(queue, redis, HUB, { prefix, pollMs: 100 }),
    now: () => new Date(),
  },
  {
    hashPolicy: { rollingBytes: 0, rehashAfterMs: 1e12 },
    hash: false,
    perHost: Number(perHost),
    repoConcurrency: 1,
  },
);
const ms = performance.now() - started;
const peakMiB = peakRssMiB();
const retainedMiB = heldHeapMiB();
await store.flush(state);
let recorded = 0;
for (const target of targets.links.values())
  if (state.links.get(target.link)?.run === state.run?.id) recorded++;
store.close();
spool.discard();
await queue.close();
redis.disconnect();
process.stdout.write(`${JSON.stringify({ ms, peakMiB, retainedMiB, finished, totals, recorded })}\n`);
// The queue's shared connection stays open otherwise.
process.exit(0);
