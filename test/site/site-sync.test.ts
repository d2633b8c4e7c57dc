import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Catalog } from '../../src/core/catalog/build-catalog.js';
import { renderHubPage, scriptSafeJson } from '../../src/site/hub-page.js';
import { HUB_PAGE_SCRIPT } from '../../src/site/hub-page-script.js';
import { SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';

describe('mshub-review site-sync', () => {
  it('writes catalog.json (an object with a models array) and index.html', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mshub-site-'));
    const run = await runCliCaptured(['site-sync', '--hub', SAMPLE_HUB, '--out', out, '--commit', 'abc123']);
    assert.equal(run.code, 0);
    assert.match(
      run.stdout,
      /^8 models written to .* and index\.html \(5 with problems shown on them\); 3 files the hub itself rejects are listed under "invalid"\.\nOpen index\.html from a web server that serves .* \(any static server\), not as a file: .*\n$/,
    );
    const catalog = JSON.parse(readFileSync(join(out, 'catalog.json'), 'utf8')) as Catalog;
    assert.equal(catalog.models.length, 8);
    assert.equal(catalog.commit, 'abc123');
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    assert.match(page, /<title>MindSpore Hub models<\/title>/);
    assert.ok(
      page.includes('"u":"mindspore/1.9/albert_mnli"'),
      'the page index lists the model by its uid path',
    );
  });

  it('exits 2 without --hub and --out', async () => {
    assert.equal((await runCliCaptured(['site-sync'])).code, 2);
  });
});

describe('the hub page', () => {
  it('has a script that parses, even where no browser runs the tests', () => {
    assert.doesNotThrow(() => new Function(HUB_PAGE_SCRIPT));
  });

  it('embeds catalog values so that none can close the script element or inject markup', () => {
    const hostile = '</script><img src=x onerror=alert(1)><!--';
    const catalog: Catalog = {
      models: [{ markdown_name: 'x', uid: '', path: 'p', summary: hostile }],
      invalid: [],
    };
    const page = renderHubPage(catalog);
    assert.equal(
      page.split('</script>').length - 1,
      2,
      'only the two script elements of the page are closed',
    );
    assert.ok(!page.includes('<img src=x'));
    assert.deepEqual(JSON.parse(scriptSafeJson({ summary: hostile })), { summary: hostile });
  });
});
