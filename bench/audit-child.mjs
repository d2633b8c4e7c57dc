// One audit run of the simulated hub, in a process of its own so that its peak RSS is the audit's.
// Usage: node bench/audit-child.mjs <ca.pem> <state.json> <perHost> <hash:0|1> <link>... (links on stdin as JSON)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../dist/config/environment.js';
import { createAuditNetwork } from '../dist/net/audit-network.js';
import { AuditStateFile } from '../dist/platforms/local/audit-state-file.js';
import { auditHub } from '../dist/review/audit-hub.js';

const [ca, statePath, perHost, hash] = process.argv.slice(2);
const links = JSON.parse(readFileSync(0, 'utf8'));
const expected = (link) => {
  const index = Number(/\/(\d+)$/.exec(link)[1]);
  return createHash('sha256')
    .update(Buffer.from(`asset ${index} version 1 `.repeat(40)))
    .digest('hex');
};
const targets = {
  links: new Map(links.map((link) => [link, { link, expected: new Set([expected(link)]), files: [] }])),
  repos: new Map(),
  rejected: [],
  files: links.length,
};
const peak = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
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
store.flush(state);
await network.close();
const states = {};
for (const record of Object.values(state.links)) {
  const key = record.movedTo ? 'moved' : record.state;
  states[key] = (states[key] ?? 0) + 1;
}
const replaced = Object.values(state.links).filter((record) => record.replaced).length;
const mismatched = links.filter((link) => {
  const record = state.links[link];
  return record?.sha256 !== undefined && record.sha256 !== expected(link);
}).length;
process.stdout.write(`${JSON.stringify({ ms, peakMiB: peak(), totals, states, replaced, mismatched })}\n`);
