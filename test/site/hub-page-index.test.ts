import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogModel } from '../../src/core/catalog/build-catalog.js';
import { hubPageIndex } from '../../src/site/hub-page-index.js';

const model = (path: string, fields: Record<string, unknown> = {}): CatalogModel => ({
  markdown_name: path.slice(path.lastIndexOf('/') + 1, -3),
  uid: '',
  path,
  ...fields,
});
const asset = (link: string) => ({ 'file-format': 'ckpt', 'asset-link': `<${link}>` });

describe('the page index', () => {
  it('takes the platform from the backends, the old platform folder, or the checkpoint names', () => {
    const index = hubPageIndex({
      models: [
        model('mshub_res/assets/a/2.5/one.md', { 'train-backend': 'gpu', 'infer-backend': 'Ascend' }),
        model('mshub_res/assets/a/cpu/1.0/two.md'),
        model('mshub_res/assets/mindspore/1.9/three.md', {
          asset: [
            asset(
              'https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt',
            ),
          ],
        }),
        model('mshub_res/assets/mindspore/2.5/four.md', {
          asset: [
            asset('https://download-mindspore.osinfra.cn/toolkits/mindcv/vgg/vgg19-5104d1ea-910v2.ckpt'),
          ],
        }),
        model('mshub_res/assets/mindspore/2.5/five.md', { asset: [asset('https://example.org/model.ckpt')] }),
      ],
      invalid: [],
    });
    assert.deepEqual(
      index.models.map((entry) => [entry.u, entry.p]),
      [
        ['a/2.5/one', ['gpu', 'ascend']],
        ['a/cpu/1.0/two', ['cpu']],
        ['mindspore/1.9/three', ['ascend']],
        ['mindspore/2.5/four', ['ascend']],
        ['mindspore/2.5/five', ['unspecified']],
      ],
    );
  });

  it('counts the files the hub rejects by the rule of their first error', () => {
    const error = (rule: string) => ({ rule, severity: 'error' as const, path: 'x', message: 'm' });
    const index = hubPageIndex({
      models: [],
      invalid: [
        { path: 'a', errors: [error('train-dataset')] },
        { path: 'b', errors: [error('train-dataset'), error('module-type')] },
        { path: 'c', errors: [error('front-matter-yaml')] },
      ],
    });
    assert.deepEqual(index.invalid, { count: 3, byRule: { 'train-dataset': 2, 'front-matter-yaml': 1 } });
  });
});

describe('the details files', () => {
  it("keep a model of each folder in that folder's file, and never a path that would leave the site", async () => {
    const { ModelDetailsBuilder } = await import('../../src/core/catalog/model-details.js');
    const text = '# m\n\n---\n\nmodel-name: m\n\n---\n\n## Introduction\n\nHello.\n';
    const bytes = new TextEncoder().encode(text);
    const built = new ModelDetailsBuilder().build(
      [
        { path: 'mshub_res/assets/me/2.5/m.md', bytes },
        {
          path: 'mshub_res/assets/me/2.5/m_cn.md',
          bytes: new TextEncoder().encode('---\n\n摘要：一个模型\n\n---\n\n## 简介\n'),
        },
        { path: 'mshub_res/assets/../../../etc/x.md', bytes },
      ],
      {
        models: [model('mshub_res/assets/me/2.5/m.md'), model('mshub_res/assets/../../../etc/x.md')],
        invalid: [],
      },
    );
    assert.deepEqual(Object.keys(built.files), ['details/me/2.5.json']);
    assert.deepEqual(JSON.parse(built.files['details/me/2.5.json'] ?? ''), {
      'me/2.5/m': { body: '## Introduction\n\nHello.\n', zh: { body: '## 简介\n', summary: '一个模型' } },
    });
  });
});

describe('the details files between builds', () => {
  it('are written again only for a folder whose model changed', async () => {
    const { ModelDetailsBuilder } = await import('../../src/core/catalog/model-details.js');
    const file = (path: string, blob: string, body: string) => ({
      path,
      blob,
      bytes: new TextEncoder().encode(`---\nmodel-name: m\n---\n${body}\n`),
    });
    const catalog = {
      models: [model('mshub_res/assets/a/1.0/x.md'), model('mshub_res/assets/b/1.0/y.md')],
      invalid: [],
    };
    const builder = new ModelDetailsBuilder();
    const first = builder.build(
      [file('mshub_res/assets/a/1.0/x.md', '1', 'A'), file('mshub_res/assets/b/1.0/y.md', '2', 'B')],
      catalog,
    );
    assert.deepEqual([...first.changed].sort(), ['details/a/1.0.json', 'details/b/1.0.json']);
    const second = builder.build(
      [file('mshub_res/assets/a/1.0/x.md', '1', 'A'), file('mshub_res/assets/b/1.0/y.md', '3', 'B2')],
      catalog,
    );
    assert.deepEqual([...second.changed], ['details/b/1.0.json']);
    assert.equal(second.files['details/a/1.0.json'], first.files['details/a/1.0.json']);
    assert.match(second.files['details/b/1.0.json'] ?? '', /B2/);
  });
});
