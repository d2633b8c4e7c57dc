import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { checkEverything, mutate, realSeedFiles, seededRandom } from '../helpers/fuzz.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const SEED = 20261130;
const CASES = 300;

describe('mutated real asset files', () => {
  const config = defaultRulesConfig();
  const sources = realSeedFiles({ sample: true });
  const random = seededRandom(SEED);
  const cases = Array.from({ length: CASES }, (_, index) => {
    const source = sources[Math.floor(random() * sources.length)] ?? sources[0];
    return { index, path: source?.path ?? '', text: mutate(source?.text ?? '', random) };
  });

  it('are checked, rendered and catalogued without an exception, in time linear in their size', () => {
    // The cost of a byte of an ordinary file, measured here: the bound moves with the machine's speed.
    let baselineMs = Number.POSITIVE_INFINITY;
    const sample = sources.slice(0, 40);
    const sampleBytes = sample.reduce((sum, file) => sum + file.text.length, 0);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      for (const file of sample) checkEverything(file.path, file.text, config);
      baselineMs = Math.min(baselineMs, performance.now() - started);
    }
    const perByte = baselineMs / sampleBytes;
    for (const fuzzCase of cases) {
      const bound = 25 + fuzzCase.text.length * perByte * 40;
      let ms = checkEverything(fuzzCase.path, fuzzCase.text, config);
      // A garbage collection can pause one run: a case counts as slow only if it is slow three times.
      for (let retry = 0; retry < 2 && ms > bound; retry++)
        ms = Math.min(ms, checkEverything(fuzzCase.path, fuzzCase.text, config));
      assert.ok(
        ms <= bound,
        `case ${fuzzCase.index} (${fuzzCase.text.length} characters, from ${fuzzCase.path}) took ${ms.toFixed(0)} ms; the bound is ${bound.toFixed(0)} ms`,
      );
    }
  });

  it('make `validate --format json` exit 0 or 1 with valid JSON and no stack trace', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fuzz-hub-'));
    const folder = join(root, 'mshub_res/assets/mindspore/1.9');
    mkdirSync(folder, { recursive: true });
    for (const fuzzCase of cases)
      writeFileSync(join(folder, `fuzz_${String(fuzzCase.index).padStart(3, '0')}.md`), fuzzCase.text);
    const run = await runCliCaptured(['validate', root, '--format', 'json']);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(0, 500)}`);
    assert.doesNotMatch(run.stderr, /unexpected failure|\n\s+at /);
    const report = JSON.parse(run.stdout) as { files: unknown[]; summary: { files: number } };
    assert.equal(report.summary.files, CASES);
  });
});
