import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = '/usr/bin/chromium';

/** Chrome DevTools' "Slow 3G": 400 ms latency, 400 kbit/s each way; and a 4x slower CPU. */
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};

export interface HubPageBench {
  name: string;
  pageBytes: number;
  pageGzipBytes: number;
  catalogGzipBytes: number;
  /** Time from navigation to the first model cards, served gzipped, on Slow 3G; undefined without Chromium. */
  firstResultsMs?: number;
}

/** The weight of the hub page site-sync writes for the real hub, and how soon it shows models on a slow link. */
export async function benchHubPage(): Promise<HubPageBench> {
  const corpus = resolve(REPO_ROOT, '../shared/corpus/hub');
  const hub = existsSync(corpus) ? corpus : join(REPO_ROOT, 'test/fixtures/hub-sample');
  const out = mkdtempSync(join(tmpdir(), 'mshub-bench-page-'));
  try {
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'bin/mshub-review.js'), 'site-sync', '--hub', hub, '--out', out],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`site-sync failed: ${run.stderr}`);
    const page = readFileSync(join(out, 'index.html'));
    const catalog = readFileSync(join(out, 'catalog.json'));
    const result: HubPageBench = {
      name: hub === corpus ? 'hub page of the real hub' : 'hub page of the sample hub',
      pageBytes: page.length,
      pageGzipBytes: gzipSync(page).length,
      catalogGzipBytes: gzipSync(catalog).length,
    };
    if (!existsSync(CHROMIUM)) return result;
    const gzipped = gzipSync(page);
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      response.end(gzipped);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      const started = performance.now();
      await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { waitUntil: 'commit' });
      await tab.locator('#models .card').first().waitFor({ timeout: 120_000 });
      result.firstResultsMs = performance.now() - started;
    } finally {
      await browser.close();
      await new Promise((done) => server.close(done));
    }
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
