import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/core/findings.js';
import type { HubContext } from '../../src/core/rules/rule-context.js';
import { defaultRulesConfig, type RulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFile } from '../../src/core/validate-asset-file.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE_HUB = join(REPO_ROOT, 'test/fixtures/hub-sample');
export const EXAMPLE_HUB = join(REPO_ROOT, 'examples/hub');

/** The real hub data beside a developer's checkout; absent on a user's fresh clone. */
export const CORPUS_ROOT = resolve(REPO_ROOT, '../shared/corpus');
export const CORPUS_SKIP = existsSync(join(CORPUS_ROOT, 'hub/mshub_res/assets'))
  ? false
  : `the real hub corpus is not at ${CORPUS_ROOT} (it ships beside the developers' checkout, not with the package)`;

/** A clean, real asset file (no findings) that the rule tests change one line at a time. */
export const CLEAN_PATH = 'mshub_res/assets/mindspore/1.9/albert_mnli.md';
export const CLEAN_TEXT = readSample(CLEAN_PATH);

export function readSample(path: string): string {
  return readFileSync(join(SAMPLE_HUB, path), 'utf8');
}

export function check(
  text: string | Uint8Array,
  options: { path?: string; hub?: HubContext; config?: Partial<RulesConfig> } = {},
): Finding[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const config = { ...defaultRulesConfig(), ...options.config };
  return validateAssetFile({ path: options.path ?? CLEAN_PATH, bytes }, config, options.hub ?? {}).findings;
}

export function rulesOf(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.rule))].sort();
}

/** Replaces exactly one occurrence, so a fixture edit that no longer applies fails loudly. */
export function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const matches =
    typeof search === 'string'
      ? text.split(search).length - 1
      : (text.match(new RegExp(search, 'gm')) ?? []).length;
  if (matches !== 1)
    throw new Error(`fixture edit expected one match of ${String(search)}, found ${matches}`);
  return text.replace(search, replacement);
}
