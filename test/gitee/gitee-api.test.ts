import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
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
