// The link workers of a Redis-mode audit for `npm run bench`, in a process of their own so that the
// auditing process's memory is its own. Usage: node bench/audit-redis-worker.mjs <ca.pem> <redis-url>
// <prefix> <concurrency>; prints "ready" once it takes jobs, and stops on SIGTERM.
import { readFileSync } from 'node:fs';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../dist/config/environment.js';
import { RedisAuditLinkWorker } from '../dist/jobs/redis-audit-link-worker.js';
import { connectRedis } from '../dist/jobs/redis-connection.js';
import { createAuditNetwork } from '../dist/net/audit-network.js';

const [ca, url, prefix, concurrency] = process.argv.slice(2);
const network = createAuditNetwork({
  ...DEFAULT_DOWNLOAD_SETTINGS,
  allowPrivateHosts: ['127.0.0.1'],
  ca: readFileSync(ca, 'utf8'),
  retries: 0,
  concurrency: Number(concurrency),
});
const connection = connectRedis(url, 'worker');
const worker = new RedisAuditLinkWorker({ ...network, now: () => new Date() }, connection, {
  url,
  prefix,
  concurrency: Number(concurrency),
});
await worker.ready();
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await worker.close();
  await network.close();
  connection.disconnect();
  process.exit(0);
});
