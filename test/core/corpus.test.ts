import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FileFindings } from '../../src/core/findings.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFiles } from '../../src/core/validate-hub.js';
import { readAssetFiles, selectAssetFiles } from '../../src/platforms/local/local-hub.js';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';

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

describe('the real hub corpus', { skip: CORPUS_SKIP }, () => {
  const hub = CORPUS_SKIP ? [] : validateTree(join(CORPUS_ROOT, 'hub'));

  it('validates all 2,915 current asset files', () => {
    assert.equal(hub.length, 2915);
  });

  it('flags the pinned number of files per rule', () => {
    assert.deepEqual(filesPerRule(hub), {
      'asset-sha256-format': 118,
      'duplicate-sha256': 44,
      'evaluation-dash': 162,
      'front-matter-fences': 3,
      'front-matter-yaml': 6,
      'module-type': 6,
      'repo-link': 4,
      'train-dataset': 99,
      'unknown-key': 22,
      'version-text': 448,
    });
  });

  it('flags every file the hub validator rejects offline, with the same rule family', () => {
    const verdicts = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/fixtures/hub-validator-verdicts.json'), 'utf8'),
    ) as {
      rejected: Record<string, string>;
    };
    const byPath = new Map(hub.map((file) => [file.path, file.findings]));
    const missed = Object.entries(verdicts.rejected).filter(
      ([path, rule]) =>
        !byPath.get(path)?.some((finding) => finding.rule === rule && finding.severity === 'error'),
    );
    assert.equal(Object.keys(verdicts.rejected).length, 113);
    assert.deepEqual(missed, []);
  });

  it('validates the 494 historical files in the older folder layout', () => {
    const history = validateTree(join(CORPUS_ROOT, 'hub-history'));
    assert.equal(history.length, 494);
    assert.deepEqual(filesPerRule(history), {
      'asset-extension': 7,
      'asset-sha256-format': 12,
      'duplicate-sha256': 5,
      'evaluation-dash': 4,
      'field-type': 1,
      'folder-layout': 1,
      'front-matter-yaml': 4,
      'link-format': 1,
      'repo-link': 2,
      'required-field': 2,
      'train-dataset': 6,
      'unknown-key': 23,
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
      'module-type': 1,
      'repo-link': 1,
      'train-dataset': 1,
      'unknown-key': 3,
      'version-text': 2,
    });
  });
});
