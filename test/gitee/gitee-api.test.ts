import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { isMshubError } from '../../src/core/errors.js';
import { endpointUrl, GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

describe('the Gitee API client', () => {
  it("asks for the bot's login once, and again only after a failure", async () => {
    const api = new GiteeApi(
      { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 0, timeoutMs: 5000 },
      async () => {},
    );
    const user = nock('https://gitee.com').get('/api/v5/user').query({ access_token: 'tok' });
    user.reply(500, { message: 'busy' });
    assert.equal(await api.currentLogin(), undefined);
    nock('https://gitee.com')
      .get('/api/v5/user')
      .query({ access_token: 'tok' })
      .reply(200, { login: 'mshub-bot' });
    assert.equal(await api.currentLogin(), 'mshub-bot');
    assert.equal(await api.currentLogin(), 'mshub-bot');
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
