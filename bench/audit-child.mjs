// One audit run of the simulated hub, in a process of its own so that its peak RSS is the audit's.
// Usage: node bench/audit-child.mjs <ca.pem> <state.json> <perHost> <hash:0|1> (links on stdin, one a line)
// The links are gathered a line at a time into the file the audit reads them from, as `audit` does
// with a hub's files, so that what the child holds is what the audit holds.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../dist/config/environment.js';
import { createAuditNetwork } from '../dist/net/audit-network.js';
import { AuditStateFile } from '../dist/platforms/local/audit-state-file.js';
import { freshLinkTargetsFile, linkTargetsPath } from '../dist/platforms/local/link-targets-file.js';
import { auditHub } from '../dist/review/audit-hub.js';
import { heldHeapMiB, peakRssMiB } from './child-memory.mjs';

const [ca, statePath, perHost, hash] = process.argv.slice(2);
const expected = (link) => {
  const index = Number(/\/(\d+)$/.exec(link)[1]);
  return createHash('sha256')
    .update(Buffer.from(`asset ${index} version 1 `.repeat(40)))
    .digest('hex');
};
const spool = freshLinkTargetsFile(linkTargetsPath(statePath));
for await (const link of createInterface({ input: process.stdin })) {
  if (link) spool.set(link, { link, expected: new Set([expected(link)]), files: [] });
}
const targets = { links: spool, repos: new Map(), rejected: [], files: spool.size };
const network = createAuditNetwork({
  ...DEFAULT_DOWNLOAD_SETTINGS,
  allowPrivateHosts: ['127.0.0.1'],
  ca: readFileSync(ca, 'utf8'),
  retries: 0,
  concurrency: 64,
});
const store = new AuditStateFile(statePath);
const state = store.load();
const started = performance.now();
const { totals } = await auditHub(
  targets,
  state,
  {
    observe: network.observe,
    hash: network.hash,
    save: (current) => store.save(current),
    now: () => new Date(),
  },
  {
    hashPolicy: { rollingBytes: 0, rehashAfterMs: 1e12 },
    hash: hash === '1',
    perHost: Number(perHost),
    repoConcurrency: 1,
  },
);
const ms = performance.now() - started;
const peakMiB = peakRssMiB();
const retainedMiB = heldHeapMiB();
store.flush(state);
await network.close();
const states = {};
let replaced = 0;
let mismatched = 0;
for (const target of targets.links.values()) {
  const record = state.links.get(target.link);
  if (!record) continue;
  const key = record.movedTo ? 'moved' : record.state;
  states[key] = (states[key] ?? 0) + 1;
  if (record.replaced) replaced++;
  if (record.sha256 !== undefined && record.sha256 !== expected(target.link)) mismatched++;
}
spool.close();
rmSync(spool.path, { force: true });
process.stdout.write(
  `${JSON.stringify({ ms, peakMiB, retainedMiB, totals, states, replaced, mismatched })}\n`,
);
