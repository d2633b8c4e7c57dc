import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FileFindings } from '../../src/core/findings.js';
import { RULES } from '../../src/core/rules/rule-catalog.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFiles } from '../../src/core/validate-hub.js';
import { readAssetFiles, selectAssetFiles } from '../../src/platforms/local/local-hub.js';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { describeUnless } from '../helpers/suite.js';

function validateTree(root: string): FileFindings[] {
  const selection = selectAssetFiles([root]);
  const config = defaultRulesConfig();
  return validateAssetFiles(readAssetFiles(selection, config.limits.maxFileBytes), config, selection.hub);
}

/** How many files each rule flags: the numbers the README states. */
function filesPerRule(files: readonly FileFindings[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of files) {
    for (const rule of new Set(file.findings.map((finding) => finding.rule)))
      counts[rule] = (counts[rule] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

describeUnless(CORPUS_SKIP, 'the real hub corpus', () => {
  const hub = CORPUS_SKIP ? [] : validateTree(join(CORPUS_ROOT, 'hub'));

  it('validates all 2,915 current asset files', () => {
    assert.equal(hub.length, 2915);
  });

  it('flags the pinned number of files per rule', () => {
    assert.deepEqual(filesPerRule(hub), {
      'asset-sha256-format': 118,
      'duplicate-sha256': 13,
      'evaluation-dash': 162,
      'front-matter-fences': 3,
      'front-matter-yaml': 6,
      'module-type-case': 3,
      'repo-link': 4,
      'train-dataset': 126,
      'unknown-key': 22,
      'update-time-format': 508,
      'version-text': 448,
    });
  });

  it("agrees with the hub's own validator on every file (test/fixtures/hub-validator-verdicts.json, from a real run)", () => {
    const verdicts = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/fixtures/hub-validator-verdicts.json'), 'utf8'),
    ) as { files: number; rejected: Record<string, { rule: string }> };
    assert.equal(verdicts.files, hub.length);
    assert.equal(Object.keys(verdicts.rejected).length, 134);
    const hubRules = new Set<string>(RULES.filter((rule) => rule.origin === 'hub').map((rule) => rule.id));
    const disagreements: string[] = [];
    for (const file of hub) {
      const errors = file.findings.filter((finding) => finding.severity === 'error');
      const verdict = verdicts.rejected[file.path];
      if (verdict && !errors.some((finding) => finding.rule === verdict.rule && finding.origin === 'hub'))
        disagreements.push(
          `${file.path}: the hub rejects it (${verdict.rule}), mshub-review has no such error of origin hub`,
        );
      // A rule that can name a reason of the hub's, and every finding said to be one.
      const hubErrors = errors.filter((finding) => hubRules.has(finding.rule) || finding.origin === 'hub');
      if (!verdict && hubErrors.length > 0)
        disagreements.push(
          `${file.path}: the hub accepts it, mshub-review says ${hubErrors.map((f) => f.rule).join(', ')}`,
        );
    }
    assert.deepEqual(disagreements, []);
  });

  it('validates the 494 historical files in the older folder layout', () => {
    const history = validateTree(join(CORPUS_ROOT, 'hub-history'));
    assert.equal(history.length, 494);
    assert.deepEqual(filesPerRule(history), {
      'asset-extension': 6,
      'asset-sha256-format': 12,
      'duplicate-key': 4,
      'duplicate-sha256': 5,
      'evaluation-dash': 4,
      'field-type': 2,
      'folder-layout': 1,
      'link-format': 1,
      'module-type-case': 3,
      'repo-link': 2,
      'required-field': 2,
      'train-dataset': 8,
      'unknown-key': 25,
      'update-time-format': 3,
      // gcn_v1.1_cora.md writes mindspore-version twice (1.1, then 0.7): PyYAML keeps 0.7, which its folder contradicts.
      'version-folder': 5,
      'version-format': 21,
    });
  });
});

describe('the real files kept in test/fixtures/hub-sample', () => {
  it('gives each sampled defect its rule', () => {
    assert.deepEqual(filesPerRule(validateTree(SAMPLE_HUB)), {
      'asset-sha256-format': 2,
      'evaluation-dash': 1,
      'front-matter-fences': 1,
      'front-matter-yaml': 1,
      'repo-link': 1,
      'train-dataset': 1,
      'unknown-key': 3,
      'update-time-format': 3,
      'version-text': 2,
    });
  });
});
