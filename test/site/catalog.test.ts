import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildCatalog } from '../../src/core/catalog/build-catalog.js';
import { hubUid } from '../../src/core/catalog/hub-uid.js';
import { defaultRulesConfig } from '../../src/core/rules/rules-config.js';
import { readAssetFiles, selectAssetFiles } from '../../src/platforms/local/local-hub.js';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';

function catalogOf(root: string) {
  const selection = selectAssetFiles([root]);
  const config = defaultRulesConfig();
  return buildCatalog(readAssetFiles(selection, config.limits.maxFileBytes), config, selection.hub, {
    commit: 'c0ffee',
  });
}

describe('hub uid', () => {
  it('derives the uid the hub loader derives from repo-link', () => {
    assert.equal(
      hubUid('<https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>'),
      'gitee:research/nlp/albert:r1.9',
    );
    assert.equal(hubUid('https://github.com/mindspore-lab/mindcv/tree/v0.5.0'), 'github:mindcv:v0.5.0');
    assert.equal(hubUid('https://gitee.com/mindspore/models/'), 'gitee:models:master');
    assert.equal(hubUid('https://gitee.com/mindspore/models/pulls/1'), undefined);
    assert.equal(hubUid('not a link'), undefined);
  });
});

describe('the catalog', () => {
  it('has one record per valid model and lists invalid files with their errors', () => {
    const catalog = catalogOf(SAMPLE_HUB);
    assert.equal(catalog.commit, 'c0ffee');
    assert.equal(catalog.models.length + catalog.invalid.length, 11, '12 files, one of them a _cn page');
    const albert = catalog.models.find((model) => model.markdown_name === 'albert_mnli');
    assert.deepEqual(
      albert && {
        uid: albert.uid,
        'asset-id': albert['asset-id'],
        'module-type': albert['module-type'],
        'model-version': albert['model-version'],
        path: albert.path,
      },
      {
        uid: 'gitee:research/nlp/albert:r1.9',
        'asset-id': 0,
        'module-type': 'nlp',
        'model-version': '1.9',
        path: 'mshub_res/assets/mindspore/1.9/albert_mnli.md',
      },
    );
    const apdrawing = catalog.models.find(
      (model) => model.markdown_name === 'apdrawinggan_generator_apdrawingdb',
    );
    assert.equal(apdrawing?.['model-version'], '1.10', 'versions keep their text');
    assert.ok(
      catalog.invalid.some(
        (file) =>
          file.path.endsWith('bit_resnet50_imagenet2012.md') &&
          file.errors[0]?.rule === 'asset-sha256-format',
      ),
    );
  });

  it('carries the fields of the hub export for every valid real file', { skip: CORPUS_SKIP }, () => {
    const catalog = catalogOf(join(CORPUS_ROOT, 'hub'));
    const expected = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/fixtures/hub-catalog-fields.json'), 'utf8'),
    ).records as Record<string, Record<string, unknown>>;
    assert.equal(catalog.models.length + catalog.invalid.length, 2905);
    assert.ok(catalog.models.length > 2600, `${catalog.models.length} models`);
    for (const model of catalog.models) {
      const hub = expected[model.path];
      assert.ok(hub, `${model.path} is not in the hub export`);
      for (const [field, value] of Object.entries(hub))
        assert.deepEqual(model[field], value, `${model.path}: ${field}`);
    }
  });
});
