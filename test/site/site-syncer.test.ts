import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRepoConfig } from '../../src/config/repo-config.js';
import { CoalescingRunner } from '../../src/jobs/coalescing-runner.js';
import { FolderPublisher } from '../../src/site/folder-publisher.js';
import { type HubTreeSource, SiteSyncer } from '../../src/site/site-sync.js';
import { CLEAN_PATH, CLEAN_TEXT, replaceOnce } from '../helpers/fixtures.js';

/** A hub whose files change between commits; counts the blobs it is asked for. */
class FakeHub implements HubTreeSource {
  reads = 0;
  constructor(private readonly commits: Record<string, Record<string, string>>) {}
  async listFiles(commit: string) {
    return Object.entries(this.commits[commit] ?? {}).map(([path, text]) => ({
      path,
      blob: `${path}:${text.length}:${text.slice(-40)}`,
    }));
  }
  async readBlob(path: string, _blob: string, commit: string) {
    this.reads++;
    return new TextEncoder().encode(this.commits[commit]?.[path] ?? '');
  }
  async loadConfig() {
    return defaultRepoConfig();
  }
}

const OTHER = 'mshub_res/assets/mindspore/1.9/gpt_mnli.md';
const GPT = replaceOnce(CLEAN_TEXT, 'model-name: albert', 'model-name: gpt');

describe('the site sync with the last audit', () => {
  it("shows the audit's faults on the models they concern, with the audit's date, and publishes again when they change", async () => {
    const hub = new FakeHub({ one: { [CLEAN_PATH]: CLEAN_TEXT, [OTHER]: GPT } });
    const folder = mkdtempSync(join(tmpdir(), 'mshub-publish-'));
    const syncer = new SiteSyncer({ publisher: new FolderPublisher(folder) });
    await syncer.sync(hub, 'one');
    const audit = {
      finishedAt: '2026-12-07T03:00:00.000Z',
      faults: [
        {
          path: OTHER,
          kind: 'asset-dead',
          message: 'The asset `https://x/gpt.ckpt` cannot be downloaded any more.',
        },
      ],
    };
    assert.equal((await syncer.sync(hub, 'one', undefined, audit)).published, true);
    const catalog = JSON.parse(readFileSync(join(folder, 'catalog.json'), 'utf8'));
    assert.equal(catalog.audited, '2026-12-07T03:00:00.000Z');
    const gpt = catalog.models.find((model: { path: string }) => model.path === OTHER);
    assert.deepEqual(gpt.problems, [
      { rule: 'asset-dead', severity: 'error', message: audit.faults[0]?.message },
    ]);
    const albert = catalog.models.find((model: { path: string }) => model.path === CLEAN_PATH);
    assert.equal(albert.problems, undefined);
    const page = readFileSync(join(folder, 'index.html'), 'utf8');
    assert.match(page, /"audited":"2026-12-07T03:00:00\.000Z"/);
    assert.match(page, /'asset-dead'/);
    assert.equal((await syncer.sync(hub, 'one', undefined, audit)).published, false);
  });
});

describe('the site sync', () => {
  it('reads only the files that changed, and does not publish unchanged output', async () => {
    const hub = new FakeHub({
      one: { [CLEAN_PATH]: CLEAN_TEXT, [OTHER]: GPT },
      two: {
        [CLEAN_PATH]: CLEAN_TEXT,
        [OTHER]: replaceOnce(GPT, 'summary: albert is used for nlp', 'summary: gpt is used for nlp'),
      },
    });
    const folder = mkdtempSync(join(tmpdir(), 'mshub-publish-'));
    const syncer = new SiteSyncer({ publisher: new FolderPublisher(folder) });
    assert.deepEqual(await syncer.sync(hub, 'one'), {
      commit: 'one',
      models: 2,
      invalid: 0,
      blobsRead: 2,
      published: true,
    });
    assert.deepEqual(await syncer.sync(hub, 'two'), {
      commit: 'two',
      models: 2,
      invalid: 0,
      blobsRead: 1,
      published: true,
    });
    assert.equal((await syncer.sync(hub, 'two')).published, false);
    const catalog = JSON.parse(readFileSync(join(folder, 'catalog.json'), 'utf8'));
    assert.equal(catalog.commit, 'two');
    assert.deepEqual(
      catalog.models.map((model: { summary: string }) => model.summary),
      ['albert is used for nlp', 'gpt is used for nlp'],
    );
    assert.match(readFileSync(join(folder, 'index.html'), 'utf8'), /<title>MindSpore Hub models<\/title>/);
  });
});

describe('the site sync of model pages', () => {
  it('writes a folder the details it does not hold yet, and leaves the others as they are', async () => {
    const THREE = 'mshub_res/assets/mindspore/2.5/gpt_mnli.md';
    const hub = new FakeHub({
      one: { [CLEAN_PATH]: CLEAN_TEXT, [THREE]: GPT },
      two: { [CLEAN_PATH]: CLEAN_TEXT, [THREE]: `${GPT}\nMore about gpt.\n` },
    });
    const folder = mkdtempSync(join(tmpdir(), 'mshub-details-'));
    // A new publisher for every sync, as the service makes them.
    const syncer = new SiteSyncer();
    await syncer.sync(hub, 'one', new FolderPublisher(folder));
    const unchanged = join(folder, 'details/mindspore/1.9.json');
    const written = statSync(unchanged).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await syncer.sync(hub, 'two', new FolderPublisher(folder));
    assert.equal(statSync(unchanged).mtimeMs, written, 'the 1.9 details were not written again');
    assert.match(readFileSync(join(folder, 'details/mindspore/2.5.json'), 'utf8'), /More about gpt/);
  });
});

describe('coalescing', () => {
  it('runs a burst of requests as the running one plus the newest, never two at once', async () => {
    const runs: string[] = [];
    let active = 0;
    let maxActive = 0;
    const runner = new CoalescingRunner<string>(async (_key, commit) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      runs.push(commit);
      active--;
    });
    assert.deepEqual(
      ['c1', 'c2', 'c3', 'c4'].map((commit) => runner.submit('hub', commit)),
      ['started', 'queued', 'coalesced', 'coalesced'],
    );
    await runner.idle();
    assert.deepEqual(runs, ['c1', 'c4']);
    assert.equal(maxActive, 1);
  });
});
