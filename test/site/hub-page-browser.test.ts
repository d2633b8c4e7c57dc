import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const SKIP = existsSync(CHROMIUM)
  ? false
  : `no browser at ${CHROMIUM} (Debian's chromium package; .ci/run installs it)`;

describe('the hub page in Chromium', { skip: SKIP }, () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    const out = mkdtempSync(join(tmpdir(), 'mshub-page-'));
    const run = await runCliCaptured(['site-sync', '--hub', SAMPLE_HUB, '--out', out]);
    assert.equal(run.code, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
  });
  after(async () => {
    await browser?.close();
  });

  const cards = () => page.locator('#models .card');

  it('lists every model', async () => {
    assert.equal(await cards().count(), 6);
    assert.equal(await page.locator('#count').textContent(), '6 of 6 models');
  });

  it('narrows the list as the search is typed', async () => {
    await page.fill('#search', 'albert');
    assert.deepEqual(await cards().locator('h2').allTextContents(), ['albert']);
    await page.fill('#search', '');
    assert.equal(await cards().count(), 6);
  });

  it('filters by task', async () => {
    await page.selectOption('#task', 'nlp');
    const tasks = await cards().locator('.tag:first-child').allTextContents();
    assert.ok(tasks.length > 0 && tasks.length < 6);
    assert.ok(tasks.every((task) => task === 'nlp'));
    await page.selectOption('#task', '');
  });

  it('opens a model card with its details', async () => {
    await cards().filter({ hasText: 'albert' }).first().click();
    const dialog = page.locator('#details');
    assert.equal(await dialog.isVisible(), true);
    assert.equal(await page.locator('#details-title').textContent(), 'albert');
    assert.match((await dialog.textContent()) ?? '', /gitee:research\/nlp\/albert:r1\.9/);
    await page.screenshot({ path: join(tmpdir(), 'mshub-hub-page.png') });
  });
});
