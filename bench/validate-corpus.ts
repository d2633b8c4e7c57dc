import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusBenchResult {
  name: string;
  files: number;
  runsMs: number[];
  medianMs: number;
  targetMs: number;
  /** Runs with NODE_EXTRA_CA_CERTS as this environment sets it, when it does. */
  withExtraCaMs?: number[];
  /** The hub's Python validator on the same files, in this run, when it is beside the checkout. */
  hubValidatorMs?: number[];
}

const REPO_ROOT = resolve(import.meta.dirname, '..');
const HUB_VALIDATOR = resolve(REPO_ROOT, '../shared/tools/hub-validator/run.sh');
/** Without the hub's validator beside the checkout, the last time it was measured on this kind of machine. */
const PYTHON_VALIDATOR_FALLBACK_MS = 10_000;

/** The hub's own validator (python3 + PyYAML) over the same hub, timed in this run. */
function timeHubValidator(hub: string, runs: number): number[] | undefined {
  if (!existsSync(HUB_VALIDATOR)) return undefined;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const result = spawnSync('sh', [HUB_VALIDATOR, hub], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) return undefined;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

/**
 * Wall time of `mshub-review validate <hub> --format json`, start-up included, as a contributor or
 * CI job runs it. The target is a tenth of the hub's Python validator on the same files, timed in the
 * same run (../shared/tools/hub-validator, its network checks removed).
 */
export function benchValidateCorpus(runs = 7): CorpusBenchResult {
  const corpus = resolve(REPO_ROOT, '../shared/corpus/hub');
  const hub = existsSync(corpus) ? corpus : join(REPO_ROOT, 'test/fixtures/hub-sample');
  const bin = join(REPO_ROOT, 'bin/mshub-review.js');
  const runsMs: number[] = [];
  let files = 0;
  // NODE_EXTRA_CA_CERTS makes Node parse a certificate bundle at every start (30-50 ms on this VM,
  // where the sandbox sets it); a contributor's shell normally does not. Runs with it are reported apart.
  const { NODE_EXTRA_CA_CERTS: extraCa, ...cleanEnv } = process.env;
  const time = (env: NodeJS.ProcessEnv) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'validate', hub, '--format', 'json'], {
      maxBuffer: 256 * 1024 * 1024,
      encoding: 'utf8',
      env,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`validate failed: ${result.stderr}`);
    files = (JSON.parse(result.stdout) as { summary: { files: number } }).summary.files;
    return ms;
  };
  const withExtraCaMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    runsMs.push(time(cleanEnv));
    if (extraCa) withExtraCaMs.push(time(process.env));
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const hubValidatorMs = timeHubValidator(hub, 3);
  const hubMedian = hubValidatorMs
    ? ([...hubValidatorMs].sort((a, b) => a - b)[1] ?? 0)
    : PYTHON_VALIDATOR_FALLBACK_MS;
  return {
    name:
      hub === corpus ? 'validate the real hub corpus' : 'validate the sample hub (no ../shared/corpus here)',
    files,
    runsMs,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    targetMs: hubMedian / 10,
    ...(extraCa ? { withExtraCaMs } : {}),
    ...(hubValidatorMs ? { hubValidatorMs } : {}),
  };
}
