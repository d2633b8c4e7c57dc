import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusBenchResult {
  name: string;
  files: number;
  runsMs: number[];
  medianMs: number;
  /** A tenth of the hub validator's median in this run; undefined when it could not be measured. */
  targetMs?: number;
  /** Why the hub validator was not measured, when it was not. */
  baselineMissing?: string;
  /** Runs with NODE_EXTRA_CA_CERTS as this environment sets it, when it does. */
  withExtraCaMs?: number[];
  /** The hub's Python validator on the same files, in this run, when it is beside the checkout. */
  hubValidatorMs?: number[];
}

const REPO_ROOT = resolve(import.meta.dirname, '..');
const HUB_VALIDATOR = resolve(REPO_ROOT, '../shared/tools/hub-validator/run.sh');
/** One run of the hub's own validator (python3 + PyYAML) over the hub: its time, or why it failed. */
function timeHubValidator(hub: string): { ms: number } | { missing: string } {
  if (!existsSync(HUB_VALIDATOR)) return { missing: `the hub validator is not at ${HUB_VALIDATOR}` };
  const started = process.hrtime.bigint();
  const result = spawnSync('sh', [HUB_VALIDATOR, hub], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) return { missing: `the hub validator could not start: ${result.error.message}` };
  if (result.status !== 0)
    return { missing: `the hub validator exited ${result.status}: ${result.stderr.trim().slice(0, 200)}` };
  if (!result.stdout.includes('Checking ')) return { missing: 'the hub validator checked no file' };
  return { ms: Number(process.hrtime.bigint() - started) / 1e6 };
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
  const hubValidatorMs: number[] = [];
  let baselineMissing: string | undefined;
  // Interleaved, so that both sides see the same machine: this VM's speed drifts from minute to minute.
  for (let run = 0; run < runs; run++) {
    runsMs.push(time(cleanEnv));
    if (extraCa) withExtraCaMs.push(time(process.env));
    if (baselineMissing === undefined && run % 2 === 0) {
      const baseline = timeHubValidator(hub);
      if ('ms' in baseline) hubValidatorMs.push(baseline.ms);
      else baselineMissing = baseline.missing;
    }
  }
  const median = (values: readonly number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const measured = baselineMissing === undefined && hubValidatorMs.length > 0;
  return {
    name:
      hub === corpus ? 'validate the real hub corpus' : 'validate the sample hub (no ../shared/corpus here)',
    files,
    runsMs,
    medianMs: median(runsMs),
    ...(measured ? { targetMs: median(hubValidatorMs) / 10, hubValidatorMs } : {}),
    ...(measured ? {} : { baselineMissing: baselineMissing ?? 'the hub validator was not run' }),
    ...(extraCa ? { withExtraCaMs } : {}),
  };
}
