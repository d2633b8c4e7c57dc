import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import nock from 'nock';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { GiteePullRequestSource } from '../../src/platforms/gitee/gitee-pull-request.js';
import { isTruncated } from '../../src/platforms/gitee/gitee-tree.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { GITEE_API, HUB_API } from '../helpers/gitee-harness.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const api = new GiteeApi({ apiUrl: `${GITEE_API}/api/v5`, token: 'tok', retries: 0, timeoutMs: 5000 });
const source = () => new GiteePullRequestSource(api, { owner: 'mindspore', repo: 'hub' }, 1);
const gitee = () => nock(GITEE_API, { reqheaders: { authorization: 'Bearer tok' } });
const PR_FILES = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/gitee/api/pr-files.json'), 'utf8'));

const blob = (path: string, sha: string) => ({ path, type: 'blob', sha });

describe('the changed files of a Gitee pull request', () => {
  it('asks once, without paging, and marks a deleted file removed so it is not reviewed', async () => {
    gitee().get(`${HUB_API}/pulls/1/files`).reply(200, PR_FILES);
    assert.deepEqual(await source().listChangedFiles(1), [
      { path: 'mshub_res/assets/mindspore/1.9/albert_old.md', status: 'removed' },
      { path: 'mshub_res/assets/mindspore/1.9/albert_mnli.md', status: 'added' },
      { path: 'mshub_res/assets/mindspore/1.9/bert_base.md', status: 'modified' },
    ]);
  });

  it('lists a file once however often the answer repeats it', async () => {
    gitee()
      .get(`${HUB_API}/pulls/1/files`)
      .reply(200, [...PR_FILES, ...PR_FILES]);
    assert.equal((await source().listChangedFiles(1)).length, 3);
  });

  it('compares the base and head trees when the list stops at 300 files', async () => {
    const many = Array.from({ length: 300 }, (_, index) => ({
      filename: `docs/f${index}.md`,
      status: 'added',
    }));
    gitee()
      .get(`${HUB_API}/pulls/1/files`)
      .reply(200, many)
      .get(`${HUB_API}/pulls/1`)
      .reply(200, { base: { sha: 'b'.repeat(40) }, head: { sha: 'h'.repeat(40) } })
      .get(`${HUB_API}/git/trees/${'b'.repeat(40)}`)
      .query({ recursive: 1 })
      .reply(200, {
        truncated: 'false',
        tree: [blob('mshub_res/assets/a/1.0/same.md', '1'), blob('mshub_res/assets/a/1.0/edited.md', '2')],
      })
      .get(`${HUB_API}/git/trees/${'h'.repeat(40)}`)
      .query({ recursive: 1 })
      .reply(200, {
        truncated: 'false',
        tree: [
          blob('mshub_res/assets/a/1.0/same.md', '1'),
          blob('mshub_res/assets/a/1.0/edited.md', '3'),
          blob('mshub_res/assets/a/1.0/new.md', '4'),
        ],
      });
    assert.deepEqual(await source().listChangedFiles(1), [
      { path: 'mshub_res/assets/a/1.0/edited.md', status: 'modified' },
      { path: 'mshub_res/assets/a/1.0/new.md', status: 'added' },
    ]);
  });
});

describe('a truncated Gitee tree', () => {
  it('is truncated only for true or "true" (the spec declares a string)', () => {
    assert.deepEqual([true, 'true', false, 'false', '', undefined, 1].map(isTruncated), [
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('is read folder by folder under mshub_res, so the hub context is still known', async () => {
    const head = 'c'.repeat(40);
    gitee()
      .get(`${HUB_API}/git/trees/${head}`)
      .query({ recursive: 1 })
      .reply(200, { truncated: 'true', tree: [] })
      .get(`${HUB_API}/git/trees/${head}`)
      .reply(200, {
        truncated: 'false',
        tree: [
          { path: 'mshub_res', type: 'tree', sha: 'm'.repeat(40) },
          { path: 'huge', type: 'tree', sha: 'x'.repeat(40) },
          blob('README.md', '9'),
        ],
      })
      .get(`${HUB_API}/git/trees/${'m'.repeat(40)}`)
      .query({ recursive: 1 })
      .reply(200, { truncated: 'true', tree: [] })
      .get(`${HUB_API}/git/trees/${'m'.repeat(40)}`)
      .reply(200, {
        tree: [{ path: 'assets', type: 'tree', sha: 'a'.repeat(40) }, blob('README.md', '8')],
      })
      .get(`${HUB_API}/git/trees/${'a'.repeat(40)}`)
      .query({ recursive: 1 })
      .reply(200, {
        truncated: false,
        tree: [blob('mindspore/1.9/albert_mnli.md', '5'), blob('mindspore/1.9/images/albert.png', '6')],
      });
    const hub = await source().hubContext(head);
    assert.deepEqual([...(hub.assetPaths ?? [])], ['mshub_res/assets/mindspore/1.9/albert_mnli.md']);
    assert.deepEqual([...(hub.images ?? [])], ['albert.png']);
  });
});
