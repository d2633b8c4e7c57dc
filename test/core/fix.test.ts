import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diffLines } from 'diff';
import { fixAssetFile } from '../../src/core/fix/fix-asset-file.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { readAssetFiles, selectAssetFiles } from '../../src/platforms/local/local-hub.js';
import { CLEAN_PATH, CORPUS_ROOT, CORPUS_SKIP, readSample, SAMPLE_HUB } from '../helpers/fixtures.js';

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
    // Every hunk of the change, lines added or removed too, is named by a fixed finding: a line it
    // replaces or removes, or the line an added one follows.
    let line = 1;
    for (const part of diffLines(text, outcome.text)) {
      const count = part.count ?? 0;
      if (part.removed)
        for (let index = 0; index < count; index++)
          assert.ok(
            edited.has(line + index),
            `${input.path}:${line + index} changed, but no fixed finding names it`,
          );
      else if (part.added)
        assert.ok(
          edited.has(line - 1) || edited.has(line),
          `${input.path}: a line added after ${line - 1} that no fixed finding names`,
        );
      if (!part.added) line += count;
    }
    assert.equal(
      fixAssetFile(input.path, outcome.text, config, selection.hub).text,
      outcome.text,
      `${input.path}: a second run changed the file`,
    );
  }
  return { changedFiles, fixedPerRule };
}

describe('mshub-review fix on a file of many alike mistakes', () => {
  it('fixes all of them in one run, though a report names only the first 50', () => {
    const text = readSample(CLEAN_PATH) + '\n## Usage:\n'.repeat(400);
    const config = defaultRulesConfig();
    const outcome = fixAssetFile(CLEAN_PATH, text, config);
    assert.equal(outcome.fixed.filter((finding) => finding.rule === 'heading-colon').length, 400);
    assert.deepEqual(outcome.result.findings, []);
    assert.equal(fixAssetFile(CLEAN_PATH, outcome.text, config).text, outcome.text);
  });
});

describe('mshub-review fix on real hub files', () => {
  it('fixes the sampled files, changing only the lines of their findings, once', () => {
    assert.deepEqual(fixTree(SAMPLE_HUB), {
      changedFiles: 3,
      fixedPerRule: { 'train-dataset': 1, 'update-time-format': 3, 'version-text': 4 },
    });
  });

  it('fixes the whole real hub the same way (pinned counts)', { skip: CORPUS_SKIP }, () => {
    const result = fixTree(join(CORPUS_ROOT, 'hub'));
    assert.deepEqual(result, {
      changedFiles: 538,
      fixedPerRule: {
        'module-type-case': 3,
        'train-dataset': 50,
        'update-time-format': 508,
        'version-text': 896,
      },
    });
  });
});
