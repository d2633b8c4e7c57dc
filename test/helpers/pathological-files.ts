import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../src/core/catalog/build-catalog.js';
import { defaultRulesConfig, type RulesConfig } from '../../src/core/rules/rules-config.js';
import { SAMPLE_HUB } from './fixtures.js';

const PATH = 'mshub_res/assets/mindspore/1.9/albert_mnli.md';
const CLEAN = readFileSync(join(SAMPLE_HUB, PATH), 'utf8');

/** Files of about `bytes` bytes built to make a super-linear rule show (each once took minutes). */
export const PATHOLOGICAL_FILES: Record<string, (bytes: number) => string> = {
  'a file of `---` lines': (bytes) => '---\n'.repeat(bytes / 4),
  'a heading of spaces': (bytes) => `${CLEAN}\n# a${' \t'.repeat(bytes / 2)}x\n`,
  'headings ending with `:`': (bytes) => `${CLEAN}${'# a:\n'.repeat(bytes / 5)}`,
  'a repo-link of repeated schemes': (bytes) =>
    CLEAN.replace(
      /^repo-link: .*$/m,
      `repo-link: https://gitee.com/mindspore/models/tree/r1.9/${'https://'.repeat(Math.min(bytes, 60_000) / 8)}`,
    ),
  'a flow list over a line of spaces': (bytes) =>
    CLEAN.replace('summary: albert is used for nlp', `summary: [a,\nb${' '.repeat(bytes / 16)}c]`),
  'setext headings': (bytes) => `${CLEAN}${'a:\n=\n'.repeat(bytes / 5)}`,
  'unclosed code fences': (bytes) => `${CLEAN}${'```\n'.repeat(bytes / 4)}`,
  'a front matter of blank lines, spaces and carriage returns': (bytes) =>
    CLEAN.replace('---\n', `---\n${'\r\n \u3000\r\u2028'.repeat(bytes / 6)}`),
};

/** Room for the largest pathological file; the front matter limit is the default. */
export function roomyConfig(): RulesConfig {
  const config = defaultRulesConfig();
  config.limits = { ...config.limits, maxFileBytes: 8 * 1024 * 1024 };
  return config;
}

/** Best of `runs` timings of validating and cataloguing `text` (what `validate` and site sync do). */
export function timeCheck(text: string, config: RulesConfig, runs = 3): number {
  const bytes = new TextEncoder().encode(text);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    buildCatalog([{ path: PATH, bytes }], config);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * How much more each byte costs in a file eight times larger: about 1 when the work is linear in
 * the size, about 8 when it is quadratic. A ratio, so a slow or busy machine does not change it.
 */
export function perByteGrowth(
  make: (bytes: number) => string,
  smallBytes: number,
  config: RulesConfig,
): number {
  const small = make(smallBytes);
  const large = make(smallBytes * 8);
  const smallMs = timeCheck(small, config);
  const largeMs = timeCheck(large, config);
  // A floor of a millisecond keeps a too-fast small run from turning noise into a large ratio.
  return largeMs / large.length / (Math.max(smallMs, 1) / small.length);
}
