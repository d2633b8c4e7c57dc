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
  it('lists every model the hub lists, with the problems mshub-review finds on it, and only what the hub rejects as invalid', () => {
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
    // A truncated digest: the hub lists the model (its validator does not look), so the catalog does,
    // with the problem on it for the page to show.
    const bit = catalog.models.find((model) => model.markdown_name === 'bit_resnet50_imagenet2012');
    assert.deepEqual(
      bit?.problems?.filter((problem) => problem.severity === 'error').map((problem) => problem.rule),
      ['asset-sha256-format'],
    );
    assert.deepEqual(
      catalog.invalid.map((file) => file.path.split('/').pop()),
      [
        'bertfinetune_bilstmcrf_chinesener.md',
        'dbnet_mobilenetv3_icdar2015.md',
        'fastmim_v1.0_imagenet2012.md',
      ],
    );
    for (const file of catalog.invalid)
      assert.ok(
        file.errors.some((error) =>
          ['train-dataset', 'front-matter-fences', 'front-matter-yaml'].includes(error.rule),
        ),
      );
  });

  it("lists exactly the models the hub's own export lists, with equal uid, asset-id and markdown_name (test/fixtures/hub-export.json, from a real run)", {
    skip: CORPUS_SKIP,
  }, () => {
    const catalog = catalogOf(join(CORPUS_ROOT, 'hub'));
    const exported = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/hub-export.json'), 'utf8'))
      .exported as Record<string, [string, number | null, string]>;
    assert.equal(Object.keys(exported).length, 2771);
    assert.equal(catalog.models.length, 2771);
    assert.equal(catalog.invalid.length, 134);
    const ours = Object.fromEntries(
      catalog.models.map((model) => [
        model.path,
        [model.uid, model['asset-id'] ?? null, model.markdown_name],
      ]),
    );
    assert.deepEqual(ours, exported);
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
