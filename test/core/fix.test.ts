import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixAssetFile } from '../../src/core/fix/fix-asset-file.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { readAssetFiles, selectAssetFiles } from '../../src/platforms/local/local-hub.js';
import { CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

interface TreeFix {
  changedFiles: number;
  fixedPerRule: Record<string, number>;
}

/**
 * Fixes every file of a hub in memory and checks what `mshub-review fix` promises: only lines that
 * a fixed finding named are changed, a second run changes nothing, and no fixable finding is left.
 */
function fixTree(root: string): TreeFix {
  const selection = selectAssetFiles([root]);
  const config = defaultRulesConfig();
  const fixedPerRule: Record<string, number> = {};
  let changedFiles = 0;
  for (const input of readAssetFiles(selection, config.limits.maxFileBytes)) {
    const text = Buffer.from(input.bytes).toString('utf8');
    const outcome = fixAssetFile(input.path, text, config, selection.hub);
    assert.deepEqual(
      outcome.result.findings.filter((finding) => finding.edits),
      [],
      `${input.path}: a fixable finding is left`,
    );
    if (outcome.text === text) continue;
    changedFiles++;
    for (const finding of outcome.fixed) fixedPerRule[finding.rule] = (fixedPerRule[finding.rule] ?? 0) + 1;
    const edited = new Set(
      outcome.fixed.flatMap((finding) => (finding.edits ?? []).map((edit) => edit.line)),
    );
    const before = text.split('\n');
    const after = outcome.text.split('\n');
    if (before.length === after.length) {
      before.forEach((line, index) => {
        if (line !== after[index])
          assert.ok(
            edited.has(index + 1),
            `${input.path}:${index + 1} changed, but no fixed finding names it`,
          );
      });
    }
    assert.equal(
      fixAssetFile(input.path, outcome.text, config, selection.hub).text,
      outcome.text,
      `${input.path}: a second run changed the file`,
    );
  }
  return { changedFiles, fixedPerRule };
}

describe('mshub-review fix on real hub files', () => {
  it('fixes the sampled files, changing only the lines of their findings, once', () => {
    const { changedFiles } = fixTree(SAMPLE_HUB);
    assert.ok(changedFiles > 0, 'the sample holds fixable files');
  });

  it('fixes the whole real hub the same way (pinned counts)', { skip: CORPUS_SKIP }, () => {
    const result = fixTree(join(CORPUS_ROOT, 'hub'));
    assert.deepEqual(result, {
      changedFiles: 536,
      fixedPerRule: {
        'module-type-case': 3,
        'train-dataset': 48,
        'update-time-format': 508,
        'version-text': 896,
      },
    });
  });
});
