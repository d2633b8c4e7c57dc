import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Catalog, CatalogModel } from '../../src/core/catalog/build-catalog.js';
import { renderHubPage } from '../../src/site/hub-page.js';
import { SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { describeUnless, requireWhereDemanded } from '../helpers/suite.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM)
  ? false
  : `no browser at ${CHROMIUM} (Debian's chromium package; .ci/run installs it)`;
requireWhereDemanded('chromium', SKIP);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The site folder over loopback HTTP, as a published site is served (the details read catalog.json). */
async function serveFolder(folder: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0] === '/' ? 'index.html' : (request.url ?? '').slice(1);
    const file = join(folder, ...name.split('/').map((part) => part.replace(/[^A-Za-z0-9._-]/g, '')));
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, {
      'content-type': extname(file) === '.json' ? 'application/json' : 'text/html; charset=utf-8',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describeUnless(SKIP, 'the hub page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let site: { url: string; close(): Promise<void> };
  let big: { url: string; close(): Promise<void> };
  let rankedSite: { url: string; close(): Promise<void> } | undefined;

  let siteOut = '';

  before(async () => {
    const out = mkdtempSync(join(tmpdir(), 'mshub-page-'));
    siteOut = out;
    const run = await runCliCaptured(['site-sync', '--hub', SAMPLE_HUB, '--out', out]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /not as a file/);
    site = await serveFolder(out);
    // 1,200 models: more than the 500 the page used to stop at.
    const bigOut = mkdtempSync(join(tmpdir(), 'mshub-page-big-'));
    const models: CatalogModel[] = Array.from({ length: 1200 }, (_, index) => ({
      markdown_name: `model${String(index).padStart(4, '0')}`,
      'model-name': `model${String(index).padStart(4, '0')}`,
      uid: '',
      path: `mshub_res/assets/someone/2.5/model${String(index).padStart(4, '0')}.md`,
      'module-type': 'cv',
      'mindspore-version': '2.5',
    }));
    const catalog: Catalog = { models, invalid: [] };
    writeFileSync(join(bigOut, 'index.html'), renderHubPage(catalog));
    writeFileSync(join(bigOut, 'catalog.json'), JSON.stringify(catalog));
    // A body written to attack the page: it must come out as text.
    mkdirSync(join(bigOut, 'details/someone'), { recursive: true });
    writeFileSync(
      join(bigOut, 'details/someone/2.5.json'),
      JSON.stringify({
        'someone/2.5/model0000': {
          body: '## Intro <img src=x onerror="window.pwned=1">\n\n<script>window.pwned=2</script>\n\n[click](javascript:window.pwned=3) and [docs](https://example.org/docs)',
        },
      }),
    );
    big = await serveFolder(bigOut);
    // Three names a search for `lenet` finds, in an order that is not the one it should show.
    const rankedOut = mkdtempSync(join(tmpdir(), 'mshub-page-ranked-'));
    const ranked: Catalog = {
      models: ['googlenet', 'lenet5', 'lenet'].map((name) => ({
        markdown_name: name,
        'model-name': name,
        uid: '',
        path: `mshub_res/assets/someone/2.5/${name}.md`,
        'module-type': 'cv',
        'mindspore-version': '2.5',
      })),
      invalid: [],
    };
    writeFileSync(join(rankedOut, 'index.html'), renderHubPage(ranked));
    writeFileSync(join(rankedOut, 'catalog.json'), JSON.stringify(ranked));
    rankedSite = await serveFolder(rankedOut);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url.slice(0, -1) });
    page = await context.newPage();
    await page.goto(site.url);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await big?.close();
    await rankedSite?.close();
  });

  const cards = () => page.locator('#models .card');
  const names = () => cards().locator('h2').allTextContents();

  it('says, when opened as a file, that it must be served over http to show the details whole', async () => {
    assert.equal(await page.locator('#file-notice').isVisible(), false, 'served over http: no notice');
    const asFile = await browser.newPage();
    try {
      await asFile.goto(pathToFileURL(join(siteOut, 'index.html')).href);
      assert.equal(await asFile.locator('#file-notice').isVisible(), true);
      assert.match((await asFile.locator('#file-notice').textContent()) ?? '', /Serve this folder over http/);
      assert.equal(await asFile.locator('#models .card').count(), 8, 'the list itself still works');
    } finally {
      await asFile.close();
    }
  });

  it('lists every model the hub lists, and says how many files the hub rejects', async () => {
    assert.equal(await cards().count(), 8);
    assert.equal(await page.locator('#count').textContent(), '8 of 8 models');
    assert.match(
      (await page.locator('#invalid summary').textContent()) ?? '',
      /^3 files are not listed: the hub itself rejects them$/,
    );
  });

  it('marks a model the hub lists but cannot load', async () => {
    const bit = cards().filter({ hasText: 'mindspore/2.3/bit_resnet50_imagenet2012' });
    assert.equal(
      await bit.locator('.badge.error').first().textContent(),
      'cannot be loaded: asset-sha256-format',
    );
  });

  it('lists the model a search names first, then names it starts, then the rest', async () => {
    const ranked = await browser.newPage();
    await ranked.goto(rankedSite?.url ?? '');
    await ranked.fill('#search', 'lenet');
    assert.deepEqual(await ranked.locator('#models .card h2').allTextContents(), [
      'lenet',
      'lenet5',
      'googlenet',
    ]);
    await ranked.close();
  });

  it('shows the code in a problem as code, not as backticks', async () => {
    const other = await browser.newPage();
    await other.goto(site.url);
    await other
      .locator('#models .card')
      .filter({ hasText: 'mindspore/2.3/bit_resnet50_imagenet2012' })
      .click();
    const problems = other.locator('#details-problems li');
    assert.ok((await problems.count()) > 0);
    assert.ok((await other.locator('#details-problems li code').count()) > 0);
    for (const text of await problems.allTextContents()) assert.doesNotMatch(text, /`/);
    const title = await other.locator('#models .badge.error').first().getAttribute('title');
    assert.doesNotMatch(title ?? '', /`/);
    await other.close();
  });

  it('finds a model by its uid path', async () => {
    await page.fill('#search', 'mindspore/1.9/albert');
    assert.deepEqual(await names(), ['albert']);
    await page.fill('#search', '');
  });

  it('filters by platform, from the backends or the platform folder', async () => {
    await page.selectOption('#platform', 'gpu');
    const uids = await cards().locator('.uid').allTextContents();
    assert.ok(uids.length > 0);
    assert.ok(
      uids.every((uid) => uid.includes('/gpu/')),
      uids.join(),
    );
    await page.selectOption('#platform', '');
  });

  it('offers the versions in numeric order, 1.10 above 1.9', async () => {
    const versions = await page.locator('#version option').allTextContents();
    assert.deepEqual(versions.slice(1), ['2.3', '1.10', '1.9', '1.8', '1.1', '1.0', '0.7']);
    await page.selectOption('#version', '1.10');
    assert.equal(await cards().count(), 1);
    await page.selectOption('#version', '');
  });

  it('opens details with Enter and keeps them open, closes them with Escape, and opens them with Space', async () => {
    const albert = cards().filter({ hasText: 'mindspore/1.9/albert_mnli' });
    await albert.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('#details');
    assert.equal(await dialog.isVisible(), true, 'Enter opened the details and did not close them');
    assert.equal(await page.locator('#details-title').textContent(), 'albert');
    await page.keyboard.press('Escape');
    assert.equal(await dialog.isVisible(), false);
    assert.equal(
      await albert.evaluate(
        (node) => node === (node.ownerDocument as { activeElement: unknown }).activeElement,
      ),
      true,
      'focus is back on the card',
    );
    await page.keyboard.press(' ');
    assert.equal(await dialog.isVisible(), true, 'Space opens the details too');
  });

  it('shows the load call with a copy button, links, and each digest with its own copy button', async () => {
    assert.equal(
      await page.locator('#details-snippet code').textContent(),
      'mindspore_hub.load("mindspore/1.9/albert_mnli")',
    );
    await page.locator('#details-snippet button').click();
    assert.equal(
      await page.evaluate('navigator.clipboard.readText()'),
      'mindspore_hub.load("mindspore/1.9/albert_mnli")',
    );
    const repo = page.locator('#details-fields a').first();
    await repo.waitFor();
    assert.equal(
      await repo.getAttribute('href'),
      'https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert',
    );
    assert.equal(
      await page.locator('#details-fields dd code').first().textContent(),
      'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a',
    );
    await page.screenshot({ path: join(tmpdir(), 'mshub-hub-page-details.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the model page below its fields, and its Chinese page where it has one', async () => {
    await page.fill('#search', 'noah-cvlab/ascend/0.7');
    await cards().first().click();
    await page.locator('#details-body h4').first().waitFor();
    assert.ok((await page.locator('#details-body h4').allTextContents()).includes('Introduction'));
    assert.equal(await page.locator('#details-zh').isVisible(), true);
    assert.match((await page.locator('#details-zh summary').textContent()) ?? '', /中文页面/);
    await page.keyboard.press('Escape');
    await page.fill('#search', '');
  });

  it('finds a model by the Chinese summary of its Chinese page', async () => {
    await page.fill('#search', '主干为GhostNet');
    assert.deepEqual(await names(), ['GhostNet_SSD']);
    await page.fill('#search', '');
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(
      "axe.run().then((result) => result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))",
    );
    assert.deepEqual(violations, []);
  });

  it('renders at desktop and phone widths', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(tmpdir(), 'mshub-hub-page-desktop.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(tmpdir(), 'mshub-hub-page-phone.png') });
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - window.innerWidth',
    )) as number;
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
  });

  it('pages past the 500th model', async () => {
    await page.goto(big.url);
    assert.equal(await page.locator('#count').textContent(), '1200 of 1200 models, 1–48 shown');
    for (let step = 0; step < 11; step++) await page.locator('#next').click();
    assert.equal(await page.locator('#page').textContent(), 'Page 12 of 25');
    assert.equal(await cards().first().locator('h2').textContent(), 'model0528');
    await page.fill('#search', 'model1199');
    assert.deepEqual(await names(), ['model1199']);
  });

  it('renders a hostile model page as text: no element, script or javascript: link gets in', async () => {
    await page.fill('#search', 'model0000');
    await cards().first().click();
    await page.locator('#details-body h4').waitFor();
    assert.match((await page.locator('#details-body h4').textContent()) ?? '', /Intro <img src=x onerror/);
    assert.equal(await page.locator('#details-body img, #details-body script').count(), 0);
    assert.deepEqual(
      await page
        .locator('#details-body a')
        .evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href)),
      ['https://example.org/docs'],
    );
    assert.equal(await page.evaluate('window.pwned'), undefined);
  });
});
