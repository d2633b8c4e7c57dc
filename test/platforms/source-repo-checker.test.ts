import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import nock from 'nock';
import { parseRepoLink } from '../../src/core/links.js';
import { definesCreateNetwork } from '../../src/core/verification/hub-conf.js';
import { GiteeApi } from '../../src/platforms/gitee/gitee-api.js';
import { HostedSourceRepoChecker } from '../../src/platforms/source-repos/source-repo-checker.js';
import { useStrictNock } from '../helpers/nock-strict.js';

useStrictNock();

const SETTINGS = {
  githubApiUrl: 'https://api.github.com',
  cacheTtlMs: 60_000,
  timeoutMs: 5000,
};
const gitee = (token?: string) =>
  new GiteeApi({
    apiUrl: 'https://gitee.com/api/v5',
    retries: 0,
    timeoutMs: 5000,
    ...(token ? { token } : {}),
  });
const HUB_CONF =
  'import src.resnet as r\n\ndef create_network(name, *args, **kwargs):\n    return r.resnet50(*args, **kwargs)\n';
const link = (url: string) => {
  const parsed = parseRepoLink(new URL(url));
  assert.ok(parsed);
  return parsed;
};

describe('mindspore_hub_conf.py analysis', () => {
  it('finds create_network defined, assigned or imported at module level', () => {
    assert.ok(definesCreateNetwork(HUB_CONF));
    assert.ok(definesCreateNetwork('create_network = build\n'));
    assert.ok(definesCreateNetwork('from src.hub import create_network\n'));
    assert.ok(!definesCreateNetwork('def build(name):\n    pass\n# def create_network(name)\n'));
    assert.ok(!definesCreateNetwork('class A:\n    def create_network(self):\n        pass\n'));
  });
});

describe('the source repository check on GitHub', () => {
  it('never calls the API below a path that climbs out of the repository, on any host', async () => {
    // parseRepoLink refuses such a link; a RepoLink built by other code is stopped here too.
    for (const host of ['github', 'gitee'] as const) {
      const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee()).check({
        host,
        owner: 'o',
        repo: 'r',
        ref: 'master',
        path: '../../../../user',
      });
      assert.equal(outcome.ok, false, host);
      assert.match(!outcome.ok ? outcome.reason : '', /leads outside the repository/, host);
    }
  });

  it('reads mindspore_hub_conf.py in the linked folder at the linked ref', async () => {
    nock('https://api.github.com')
      .get('/repos/mindspore-lab/mindcv/contents/configs/vgg/mindspore_hub_conf.py')
      .query({ ref: 'v0.5.0' })
      .matchHeader('accept', 'application/vnd.github.raw')
      .reply(200, HUB_CONF);
    const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee()).check(
      link('https://github.com/mindspore-lab/mindcv/tree/v0.5.0/configs/vgg'),
    );
    assert.deepEqual(outcome, {
      ok: true,
      definesCreateNetwork: true,
      url: 'https://github.com/mindspore-lab/mindcv',
    });
  });

  it('reads a gitcode.com repository through GitCode API v5, as on Gitee', async () => {
    nock('https://api.gitcode.com', { badheaders: ['authorization'] })
      .get('/api/v5/repos/mindspore/models/contents/official/cv/ResNet/mindspore_hub_conf.py')
      .query({ ref: 'master' })
      .reply(418, 'busy')
      .get('/api/v5/repos/mindspore/models/contents/official/cv/ResNet/mindspore_hub_conf.py')
      .query({ ref: 'master' })
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(HUB_CONF).toString('base64') });
    const gitcode = new GiteeApi(
      { apiUrl: 'https://api.gitcode.com/api/v5', retries: 1, timeoutMs: 5000, alsoTransient: [418] },
      async () => {},
    );
    const outcome = await new HostedSourceRepoChecker(SETTINGS, { gitee: gitee(), gitcode }).check(
      link('https://gitcode.com/mindspore/models/tree/master/official/cv/ResNet'),
    );
    assert.deepEqual(outcome, {
      ok: true,
      definesCreateNetwork: true,
      url: 'https://gitcode.com/mindspore/models',
    });
  });

  it('keeps a bounded number of answers, asking again for the one pushed out', async () => {
    nock('https://api.github.com')
      .get('/repos/o/a/contents/mindspore_hub_conf.py')
      .times(2)
      .reply(200, HUB_CONF)
      .get('/repos/o/b/contents/mindspore_hub_conf.py')
      .reply(200, HUB_CONF);
    const checker = new HostedSourceRepoChecker(SETTINGS, gitee(), fetch, Date.now, 1);
    for (const url of ['https://github.com/o/a', 'https://github.com/o/b', 'https://github.com/o/a'])
      assert.equal((await checker.check(link(url))).ok, true);
  });

  it('tells a missing file from a missing repository and a missing ref', async () => {
    const api = nock('https://api.github.com');
    api
      .get('/repos/o/r/contents/m/mindspore_hub_conf.py')
      .query({ ref: 'main' })
      .reply(404)
      .get('/repos/o/r')
      .reply(200, {})
      .get('/repos/o/r/commits/main')
      .reply(200, {});
    api.get('/repos/o/gone/contents/mindspore_hub_conf.py').reply(404).get('/repos/o/gone').reply(404);
    api
      .get('/repos/o/r/contents/mindspore_hub_conf.py')
      .query({ ref: 'nope' })
      .reply(404)
      .get('/repos/o/r')
      .reply(200, {})
      .get('/repos/o/r/commits/nope')
      .reply(422);
    const checker = new HostedSourceRepoChecker(SETTINGS, gitee());
    assert.deepEqual(await checker.check(link('https://github.com/o/r/tree/main/m')), {
      ok: false,
      kind: 'file',
      reason: 'm/mindspore_hub_conf.py does not exist',
    });
    assert.equal((await checker.check(link('https://github.com/o/gone'))).ok === false && 'repo', 'repo');
    assert.deepEqual(await checker.check(link('https://github.com/o/r/tree/nope')), {
      ok: false,
      kind: 'repo',
      missing: 'ref',
      reason: 'the repository has no branch, tag or commit nope',
    });
  });

  it('reports a rate limit as unchecked and asks again next time', async () => {
    nock('https://api.github.com')
      .get('/repos/o/r/contents/mindspore_hub_conf.py')
      .reply(403, { message: 'API rate limit exceeded' }, { 'x-ratelimit-remaining': '0' })
      .get('/repos/o/r/contents/mindspore_hub_conf.py')
      .reply(200, HUB_CONF);
    const checker = new HostedSourceRepoChecker(SETTINGS, gitee());
    assert.deepEqual(await checker.check(link('https://github.com/o/r')), {
      ok: false,
      kind: 'unchecked',
      reason: 'the GitHub API rate limit is reached',
    });
    assert.equal((await checker.check(link('https://github.com/o/r'))).ok, true);
  });

  it('sends the token when one is set', async () => {
    nock('https://api.github.com')
      .get('/repos/o/r/contents/mindspore_hub_conf.py')
      .matchHeader('authorization', 'Bearer s3cret')
      .reply(200, 'def build():\n  pass\n');
    const outcome = await new HostedSourceRepoChecker({ ...SETTINGS, githubToken: 's3cret' }, gitee()).check(
      link('https://github.com/o/r'),
    );
    assert.deepEqual(outcome, { ok: true, definesCreateNetwork: false, url: 'https://github.com/o/r' });
  });
});

describe('an oversized mindspore_hub_conf.py', () => {
  const huge = `${HUB_CONF}${'# padding\n'.repeat(200_000)}`;

  it('is not read past 1 MiB on GitHub, and the contributor is told what to change', async () => {
    nock('https://api.github.com').get('/repos/o/r/contents/mindspore_hub_conf.py').reply(200, huge);
    const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee()).check(
      link('https://github.com/o/r'),
    );
    assert.deepEqual(outcome, {
      ok: false,
      kind: 'unchecked',
      reason: 'mindspore_hub_conf.py is larger than 1 MiB, too large to read',
      fix: { id: 'source-repo-unchecked.fix-too-large', params: { file: 'mindspore_hub_conf.py' } },
    });
  });

  it('is not read past 2 MiB of JSON on Gitee', async () => {
    nock('https://gitee.com')
      .get('/api/v5/repos/o/r/contents/mindspore_hub_conf.py')
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(huge).toString('base64') });
    const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee()).check(link('https://gitee.com/o/r'));
    assert.equal(
      !outcome.ok && outcome.reason,
      'mindspore_hub_conf.py is larger than 1 MiB, too large to read',
    );
  });
});

describe('the source repository check on Gitee', () => {
  it('reads the base64 content of mindspore_hub_conf.py', async () => {
    nock('https://gitee.com')
      .get('/api/v5/repos/mindspore/models/contents/research/nlp/albert/mindspore_hub_conf.py')
      .query({ ref: 'r1.9' })
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(HUB_CONF).toString('base64') });
    const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee()).check(
      link('https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert'),
    );
    assert.equal(outcome.ok && outcome.definesCreateNetwork, true);
  });

  it('reads the empty list Gitee answers for a missing path as a missing file', async () => {
    nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get('/api/v5/repos/mindspore/models/contents/x/mindspore_hub_conf.py')
      .query({ ref: 'master' })
      .reply(200, [])
      .get('/api/v5/repos/mindspore/models')
      .reply(200, {})
      .get('/api/v5/repos/mindspore/models/commits/master')
      .reply(200, {});
    const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee('tok')).check(
      link('https://gitee.com/mindspore/models/tree/master/x'),
    );
    assert.deepEqual(outcome, { ok: false, kind: 'file', reason: 'x/mindspore_hub_conf.py does not exist' });
  });

  it("goes through the bot's one Gitee client: its Bearer token, and its retries", async () => {
    nock('https://gitee.com', { reqheaders: { authorization: 'Bearer tok' } })
      .get('/api/v5/repos/o/r/contents/mindspore_hub_conf.py')
      .reply(502)
      .get('/api/v5/repos/o/r/contents/mindspore_hub_conf.py')
      .reply(200, { type: 'file', encoding: 'base64', content: Buffer.from(HUB_CONF).toString('base64') });
    const client = new GiteeApi(
      { apiUrl: 'https://gitee.com/api/v5', token: 'tok', retries: 1, timeoutMs: 5000 },
      async () => {},
    );
    const outcome = await new HostedSourceRepoChecker(SETTINGS, client).check(link('https://gitee.com/o/r'));
    assert.equal(outcome.ok && outcome.definesCreateNetwork, true);
  });

  it('reports a server error as unchecked', async () => {
    nock('https://gitee.com').get('/api/v5/repos/o/r/contents/mindspore_hub_conf.py').reply(502);
    const outcome = await new HostedSourceRepoChecker(SETTINGS, gitee()).check(link('https://gitee.com/o/r'));
    assert.deepEqual(outcome, { ok: false, kind: 'unchecked', reason: 'the Gitee API answered HTTP 502' });
  });
});
