import { execFileSync } from 'node:child_process';
import { benchApiBudget } from './api-budget.js';
import { benchAudit } from './audit.js';
import { benchAuditFanout } from './audit-fanout.js';
import { benchAuditRedis } from './audit-redis.js';
import { benchDownload } from './download.js';
import { benchHubPage } from './hub-page.js';
import { benchPathologicalFiles } from './pathological.js';
import { benchIncrementalSync, benchSiteSync } from './site-sync.js';
import { benchValidateCorpus } from './validate-corpus.js';

/** `npm run bench`: speed and memory targets live here, not in the tests. */
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

const corpus = benchValidateCorpus();
console.log(`${corpus.name}: ${corpus.files} files`);
console.log(`  runs (ms): ${corpus.runsMs.map((ms) => ms.toFixed(0)).join(', ')}`);
if (corpus.targetMs !== undefined && corpus.hubValidatorMs) {
  console.log(
    `  best ${Math.min(...corpus.runsMs).toFixed(0)} ms, median ${corpus.medianMs.toFixed(0)} ms, target ${corpus.targetMs.toFixed(0)} ms (a tenth of the hub's Python validator): ${verdict(corpus.medianMs <= corpus.targetMs)}`,
  );
  console.log(
    `  the hub's validator on the same files, interleaved with these runs (ms): ${corpus.hubValidatorMs.map((ms) => ms.toFixed(0)).join(', ')}; ratio ${(corpus.medianMs / (corpus.targetMs * 10)).toFixed(3)}`,
  );
} else {
  console.log(
    `  best ${Math.min(...corpus.runsMs).toFixed(0)} ms, median ${corpus.medianMs.toFixed(0)} ms; baseline not measured (${corpus.baselineMissing}): no verdict`,
  );
}
if (corpus.withExtraCaMs) {
  const sorted = [...corpus.withExtraCaMs].sort((a, b) => a - b);
  console.log(
    `  with this environment's NODE_EXTRA_CA_CERTS (Node parses that bundle at start): runs (ms) ${corpus.withExtraCaMs.map((ms) => ms.toFixed(0)).join(', ')}; median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms`,
  );
}

console.log(
  'files built to be slow (validate + catalogue; growth = cost per byte at 8x the size, linear is about 1)',
);
for (const slow of benchPathologicalFiles()) {
  console.log(
    `  ${slow.name}: ${slow.megabyteMs.toFixed(0)} ms for 1 MiB, growth ${slow.growth.toFixed(2)}, target under 3: ${verdict(slow.growth < 3)}`,
  );
}

const sizeMiB = Number(process.env.BENCH_ASSET_MIB ?? 512);
const largeMiB = Number(process.env.BENCH_LARGE_ASSET_MIB ?? 2048);
const download = await benchDownload(sizeMiB, largeMiB);
const runList = (values: readonly number[]) => values.map((value) => value.toFixed(0)).join(', ');
console.log(
  `asset download through SHA-256 (${download.sizeMiB} MiB, HTTPS on loopback from a second process; medians of ${download.runs} runs, ${download.digestsChecked} digests checked against the files)`,
);
console.log(`  in-memory hash (ceiling): ${download.inMemoryMiBps.toFixed(0)} MiB/s`);
console.log(`  file on disk through the hash: ${download.diskMiBps.toFixed(0)} MiB/s`);
const ofTransport = download.downloadMiBps / download.transportMiBps;
console.log(
  `  guarded streamed download: ${download.downloadMiBps.toFixed(0)} MiB/s (runs ${runList(download.downloadRunsMiBps)}) beside the raw HTTPS transfer in the same run, no hash, no guard: ${download.transportMiBps.toFixed(0)} MiB/s (runs ${runList(download.transportRunsMiBps)}) = ${ofTransport.toFixed(2)} of it, target at least 0.67 (at most 1.5x its time): ${verdict(ofTransport >= 0.67)}`,
);
console.log(
  `  the same download against the in-memory hash ceiling: ${download.ratio.toFixed(2)}, target 0.75: ${verdict(download.ratio >= 0.75)}`,
);
console.log(
  `  peak RSS downloading ${download.largeSizeMiB} MiB: ${download.largePeakRssMiB.toFixed(0)} MiB (runs ${runList(download.largePeakRunsMiB)}), target at most 100 MiB: ${verdict(download.largePeakRssMiB <= 100)}`,
);
console.log(
  `  four assets at once: ${download.concurrentMiBps.toFixed(0)} MiB/s in total (one alone: ${download.downloadMiBps.toFixed(0)} MiB/s)`,
);

const audit = await benchAudit();
console.log(
  `hub audit: ${audit.links} links on ${audit.hosts} loopback hosts answering after ${audit.delayMs} ms (dead, moved, replaced, slow and lying ones among them), ${audit.perHost} requests at once per host`,
);
console.log(
  `  first, full run (every link hashed): ${(audit.first.ms / 1000).toFixed(1)} s, peak RSS ${audit.first.peakMiB.toFixed(0)} MiB; ${audit.first.mismatched} digests differ (target 0): ${verdict(audit.first.mismatched === 0)}`,
);
const auditRatio = audit.conditional.ms / audit.allowedMs;
console.log(
  `  conditional run after some files were replaced: ${(audit.conditional.ms / 1000).toFixed(1)} s, the per-host limits allow ${(audit.allowedMs / 1000).toFixed(1)} s: ${auditRatio.toFixed(2)}x, target within 1.2x: ${verdict(auditRatio <= 1.2)}; replaced files found ${audit.conditional.replaced}`,
);
const memoryGrowth = audit.conditional.peakMiB / audit.small.peakMiB;
console.log(
  `  peak RSS: ${audit.conditional.peakMiB.toFixed(0)} MiB for ${audit.links} links, ${audit.small.peakMiB.toFixed(0)} MiB for ${audit.small.links}: ${memoryGrowth.toFixed(2)}x for ten times the links, target flat (within 1.25x): ${verdict(memoryGrowth <= 1.25)}`,
);
const retainedGrowth = audit.conditional.retainedMiB / audit.small.retainedMiB;
console.log(
  `  held at the end (heap after a full collection; the rest of the peak is garbage not yet collected): ${audit.conditional.retainedMiB.toFixed(1)} MiB for ${audit.links} links, ${audit.small.retainedMiB.toFixed(1)} MiB for ${audit.small.links}: ${retainedGrowth.toFixed(2)}x, target flat (within 1.25x): ${verdict(retainedGrowth <= 1.25)}`,
);

const fanout = await benchAuditFanout();
console.log(
  `hub audit spread over link workers (Redis mode): ${fanout.links} links on ${fanout.hosts} loopback hosts answering after ${fanout.delayMs} ms, ${fanout.perHost} at once per host, ${fanout.perWorker} links at once per worker (BullMQ workers in this process, each with its own connection and agent)`,
);
if (fanout.skipped) console.log(`  not measured: ${fanout.skipped}`);
else {
  for (const run of fanout.runs)
    console.log(
      `  ${run.workers} worker(s): ${(run.ms / 1000).toFixed(1)} s, the limits allow ${(run.allowedMs / 1000).toFixed(1)} s (${(run.ms / run.allowedMs).toFixed(2)}x); most requests one host had at once ${run.mostAtOnce} (limit ${fanout.perHost}); ${run.audited} links recorded`,
    );
  const [one, ...more] = fanout.runs;
  const atLimit = fanout.runs.filter(
    (run) => run.workers * fanout.perWorker >= fanout.hosts * fanout.perHost,
  );
  const shorter = more
    .filter((run) => run.workers * fanout.perWorker <= fanout.hosts * fanout.perHost)
    .every((run) => one !== undefined && run.ms < one.ms / (run.workers * 0.8));
  console.log(
    `  adding workers shortens the audit (each doubling at least 1.6x faster until the limits bind): ${verdict(shorter)}; no host ever above its limit: ${verdict(fanout.runs.every((run) => run.mostAtOnce <= fanout.perHost))}; every link recorded: ${verdict(fanout.runs.every((run) => run.audited === fanout.links))}; at the limits, within 1.3x of what they allow: ${verdict(atLimit.every((run) => run.ms <= run.allowedMs * 1.3))}`,
  );
}

const redisAudit = await benchAuditRedis();
console.log(
  `the auditing replica of a Redis-mode audit (what a serve process runs; its links audited by a worker process), second run of a hub whose state in Redis has a record for every link`,
);
if (redisAudit.skipped) console.log(`  not measured: ${redisAudit.skipped}`);
else {
  const { large, smallRun } = redisAudit;
  console.log(
    `  ${redisAudit.links} links: ${(large.ms / 1000).toFixed(1)} s, ${large.recorded} recorded; ${redisAudit.small}: ${(smallRun.ms / 1000).toFixed(1)} s, ${smallRun.recorded} recorded; every link recorded: ${verdict(large.finished && smallRun.finished && large.recorded === redisAudit.links && smallRun.recorded === redisAudit.small)}`,
  );
  const peakGrowth = large.peakMiB / smallRun.peakMiB;
  const heldGrowth = large.retainedMiB / smallRun.retainedMiB;
  console.log(
    `  held at the end (heap after a full collection): ${large.retainedMiB.toFixed(1)} MiB against ${smallRun.retainedMiB.toFixed(1)} MiB: ${heldGrowth.toFixed(2)}x for ten times the links, target flat (within 1.25x): ${verdict(heldGrowth <= 1.25)}`,
  );
  console.log(
    `  peak RSS: ${large.peakMiB.toFixed(0)} MiB against ${smallRun.peakMiB.toFixed(0)} MiB: ${peakGrowth.toFixed(2)}x, target flat (within 1.25x): ${verdict(peakGrowth <= 1.25)}`,
  );
}

const site = benchSiteSync();
const bestSite = Math.min(...site.runsMs);
console.log(
  `${site.name}: runs (ms) ${site.runsMs.map((ms) => ms.toFixed(0)).join(', ')}; best ${bestSite.toFixed(0)} ms, target ${site.targetMs} ms: ${verdict(bestSite <= site.targetMs)}`,
);

const incremental = await benchIncrementalSync();
const medianIncremental =
  [...incremental.runsMs].sort((a, b) => a - b)[Math.floor(incremental.runsMs.length / 2)] ?? 0;
console.log(
  `${incremental.name}: ${incremental.files} files, first (full) sync ${incremental.fullMs.toFixed(0)} ms; after one changed file (ms) ${incremental.runsMs.map((ms) => ms.toFixed(0)).join(', ')}; median ${medianIncremental.toFixed(0)} ms, target ${incremental.targetMs} ms: ${verdict(medianIncremental <= incremental.targetMs)}`,
);

const hubPage = await benchHubPage();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `${hubPage.name}: index.html ${kib(hubPage.pageBytes)} (${kib(hubPage.pageGzipBytes)} gzipped; the page before this index was 2.44 MB), catalog.json read on demand ${kib(hubPage.catalogGzipBytes)} gzipped; first model cards on Slow 3G with a 4x slower CPU: ${
    hubPage.firstResultsMs === undefined
      ? 'not measured (no Chromium)'
      : `${(hubPage.firstResultsMs / 1000).toFixed(1)} s`
  }`,
);

const budget = await benchApiBudget();
console.log(
  `API budget shared through Redis: ${budget.name}, against a loopback GitCode allowing ${budget.limit}`,
);
if (budget.skipped) console.log(`  not measured: ${budget.skipped}`);
else {
  const ratio = budget.totalMs / budget.allowedMs;
  console.log(
    `  ${budget.calls} calls, ${budget.overLimit} over the limit (target 0): ${verdict(budget.overLimit === 0)}; ${budget.reviewed} of 200 reviews reported, ${budget.duplicates} twice, ${budget.unfinished} unfinished (target 200, 0, 0): ${verdict(budget.reviewed === 200 && budget.duplicates === 0 && budget.unfinished === 0)}`,
  );
  console.log(
    `  ${(budget.totalMs / 1000).toFixed(1)} s, the limit allows ${(budget.allowedMs / 1000).toFixed(1)} s for these calls: ${ratio.toFixed(2)}x, target within 1.2x: ${verdict(ratio <= 1.2)}`,
  );
}

// What a contributor downloads: the single-file build, the npm package, and its install.
console.log('package size (the install reaches the npm registry):');
console.log(
  execFileSync(process.execPath, ['scripts/package-size.mjs'], { encoding: 'utf8' })
    .trimEnd()
    .replace(/^/gm, '  '),
);
