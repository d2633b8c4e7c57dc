import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { isMshubError } from '../../src/core/errors.js';
import { COMMENT_MARKER } from '../../src/core/report/render-markdown.js';
import { endpointUrl } from '../../src/platforms/api-endpoint-url.js';
import { GiteeApi, GiteeApiError } from '../../src/platforms/gitee/gitee-api.js';
import { GiteeReporter } from '../../src/platforms/gitee/gitee-reporter.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

describe('the Gitee API client', () => {
  it("asks for the bot's login once, and again only after a failure", async () => {
    const api = new GiteeApi(
      { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
      async () => {},
    );
    const user = nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } }).get(
      '/api/v5/user',
    );
    user.reply(500, { message: 'busy' });
    assert.equal(await api.currentLogin(), undefined);
    nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get('/api/v5/user')
      .reply(200, { login: 'mshub-bot' });
    assert.equal(await api.currentLogin(), 'mshub-bot');
    assert.equal(await api.currentLogin(), 'mshub-bot');
  });

  it('waits as long as Retry-After says, in seconds or as a date, and not when it asks for too long', async () => {
    const waits: number[] = [];
    const told: unknown[] = [];
    const api = new GiteeApi(
      { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 3, timeoutMs: 5000 },
      async (ms) => {
        waits.push(ms);
      },
      (retry) => told.push(retry),
    );
    const inTwoSeconds = new Date(Date.now() + 2500).toUTCString();
    nock('https://gitee.com')
      .get('/api/v5/user')
      .reply(429, {}, { 'retry-after': '3' })
      .get('/api/v5/user')
      .reply(503, {}, { 'retry-after': inTwoSeconds })
      .get('/api/v5/user')
      .reply(502)
      .get('/api/v5/user')
      .reply(200, { login: 'mshub-bot' });
    assert.equal(await api.currentLogin(), 'mshub-bot');
    assert.equal(waits[0], 3000);
    assert.ok((waits[1] ?? 0) > 0 && (waits[1] ?? 0) <= 2500, `waited ${waits[1]} ms for a date`);
    assert.equal(waits[2], 2000, 'backoff without Retry-After');
    assert.deepEqual(
      told.map((retry) => {
        const { method, path, status, waitMs } = retry as Record<string, unknown>;
        return [method, path, status, waitMs === waits[told.indexOf(retry)]];
      }),
      [
        ['GET', '/user', 429, true],
        ['GET', '/user', 503, true],
        ['GET', '/user', 502, true],
      ],
      'each retry is told with its reason and its wait',
    );

    waits.length = 0;
    nock('https://gitee.com')
      .get('/api/v5/repos/o/r')
      .reply(429, { message: 'slow down' }, { 'retry-after': '3600' });
    await assert.rejects(
      api.request('GET', '/repos/o/r'),
      (error: unknown) => error instanceof GiteeApiError && error.status === 429,
    );
    assert.deepEqual(waits, [], 'an hour is not waited for');
  });
});

describe('Gitee API URLs', () => {
  it('refuses a path that would leave its endpoint, in any spelling', () => {
    for (const path of [
      '/repos/mindspore/hub/contents/mshub_res/assets/../../../../user',
      '/repos/mindspore/hub/contents/%2e%2e/%2E%2E/user',
      '/repos/mindspore/hub/contents/a\\..\\..\\user',
      '/repos/mindspore/hub/contents/./x',
    ]) {
      assert.throws(
        () => endpointUrl('https://gitee.com/api/v5', path),
        (error: unknown) => isMshubError(error, 'UNSAFE_PATH'),
        path,
      );
    }
  });

  it('keeps an encoded path below the API root', () => {
    assert.equal(
      endpointUrl('https://gitee.com/api/v5/', '/repos/o/r/contents/a%20b/c.md').href,
      'https://gitee.com/api/v5/repos/o/r/contents/a%20b/c.md',
    );
  });
});

describe('the Gitee reporter', () => {
  it('still reports in the comment when the platform refuses its label, and says which label', async () => {
    const api = new GiteeApi({
      apiUrl: 'https://api.gitcode.com/api/v5',
      token: 'tok',
      retries: 0,
      timeoutMs: 5000,
    });
    const refused: string[] = [];
    const reporter = new GiteeReporter(
      api,
      { owner: 'mindspore', repo: 'hub', pullNumber: () => 3 },
      {
        webUrl: 'https://gitcode.com',
        labels: {
          pending: 'mshub-review/pending',
          passed: 'mshub-review/passed',
          failed: 'mshub-review/failed',
        },
        onLabelError: (_error, label) => refused.push(label),
      },
    );
    const gitcode = nock('https://api.gitcode.com', { reqheaders: { authorization: 'Bearer tok' } });
    gitcode.get('/api/v5/user').reply(200, { login: 'mshub-bot' });
    gitcode
      .get('/api/v5/repos/mindspore/hub/pulls/3/comments')
      .query({ page: 1, per_page: 100 })
      .reply(200, []);
    let posted = '';
    gitcode
      .post('/api/v5/repos/mindspore/hub/pulls/3/comments', (body: { body: string }) => {
        posted = body.body;
        return true;
      })
      .reply(201, { id: 10 });
    gitcode
      .delete(/labels/)
      .times(2)
      .reply(404, { message: 'Not Found' });
    gitcode.post('/api/v5/repos/mindspore/hub/pulls/3/labels').reply(403, { message: 'Forbidden' });
    await reporter.failed('a'.repeat(40), 'the platform API answered HTTP 502');
    assert.match(posted, /could not finish/);
    assert.deepEqual(refused, ['mshub-review/failed']);
  });

  it('edits no comment when it cannot tell which account it is', async () => {
    const api = new GiteeApi(
      { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
      async () => {},
    );
    const reporter = new GiteeReporter(
      api,
      { owner: 'mindspore', repo: 'hub', pullNumber: () => 3 },
      {
        webUrl: 'https://gitee.com',
        labels: {
          pending: 'mshub-review/pending',
          passed: 'mshub-review/passed',
          failed: 'mshub-review/failed',
        },
      },
    );
    const gitee = nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } });
    gitee.get('/api/v5/user').reply(500);
    gitee
      .get('/api/v5/repos/mindspore/hub/pulls/3/comments')
      .query({ page: 1, per_page: 100 })
      .reply(200, [
        { id: 9, body: `${COMMENT_MARKER}\ncopied by someone else`, user: { login: 'stranger' } },
      ]);
    let posted = '';
    gitee
      .post('/api/v5/repos/mindspore/hub/pulls/3/comments', (body: { body: string }) => {
        posted = body.body;
        return true;
      })
      .reply(201, { id: 10 });
    gitee
      .delete(/labels/)
      .query(true)
      .times(2)
      .reply(204);
    gitee.post('/api/v5/repos/mindspore/hub/pulls/3/labels').reply(201, []);
    await reporter.failed('a'.repeat(40), 'the platform API answered HTTP 502');
    assert.match(posted, /could not finish/);
  });
});
