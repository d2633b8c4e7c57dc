import { parseArgs } from 'node:util';
import { defaultRulesConfig } from '../src/core/rules/rules-config.js';
import { checkEverything, mutate, realSeedFiles, seededRandom } from '../test/helpers/fuzz.js';

/**
 * `npm run fuzz -- --cases 5000 --seed 7`: the fuzz test of `npm test`, with as many cases as asked,
 * over every real hub file when ../shared/corpus is there. Prints each failure with its seed and
 * index (to replay it), and the slowest case per byte; exits 1 when a case threw.
 */
const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '3000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);

const sources = realSeedFiles({ sample: false });
const config = defaultRulesConfig();
const random = seededRandom(seed);
let failures = 0;
let slowest = { index: -1, msPerKiB: 0, ms: 0, bytes: 0 };
const started = performance.now();
for (let index = 0; index < cases; index++) {
  const source = sources[Math.floor(random() * sources.length)] ?? sources[0];
  const text = mutate(source?.text ?? '', random);
  try {
    const ms = checkEverything(source?.path ?? '', text, config);
    const msPerKiB = ms / Math.max(1, text.length / 1024);
    if (text.length > 4096 && msPerKiB > slowest.msPerKiB)
      slowest = { index, msPerKiB, ms, bytes: text.length };
  } catch (error) {
    failures++;
    console.log(
      `case ${index} (seed ${seed}, from ${source?.path}): ${(error as Error).stack ?? String(error)}`,
    );
  }
}
console.log(
  `${cases} cases from ${sources.length} real files (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${failures} failed; slowest per byte: case ${slowest.index}, ${slowest.ms.toFixed(0)} ms for ${slowest.bytes} characters`,
);
process.exitCode = failures > 0 ? 1 : 0;
