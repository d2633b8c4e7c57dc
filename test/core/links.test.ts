import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostAllowed, parseRepoLink } from '../../src/core/links.js';

const repoLink = (url: string) => parseRepoLink(new URL(url));

describe('parseRepoLink', () => {
  it('reads a repository, a folder at a ref, and a file at a ref', () => {
    assert.deepEqual(repoLink('https://gitee.com/mindspore/models'), {
      host: 'gitee',
      owner: 'mindspore',
      repo: 'models',
    });
    assert.deepEqual(repoLink('https://www.github.com/mindspore-lab/mindcv.git/'), {
      host: 'github',
      owner: 'mindspore-lab',
      repo: 'mindcv',
    });
    assert.deepEqual(repoLink('https://gitcode.com/mindspore/models/tree/r2.3/official/cv/ResNet'), {
      host: 'gitcode',
      owner: 'mindspore',
      repo: 'models',
      ref: 'r2.3',
      path: 'official/cv/ResNet',
    });
    assert.deepEqual(repoLink('https://gitee.com/o/r/tree/release%2F2.3/models'), {
      host: 'gitee',
      owner: 'o',
      repo: 'r',
      ref: 'release/2.3',
      path: 'models',
    });
    assert.deepEqual(repoLink('https://GitHub.com/o/r/blob/v1.0/a%20b/hub.py'), {
      host: 'github',
      owner: 'o',
      repo: 'r',
      ref: 'v1.0',
      path: 'a b/hub.py',
    });
  });

  it('refuses what is not a repository on a known host, at its own port, without climbing out', () => {
    for (const url of [
      'https://example.com/o/r',
      'https://gitee.com:8443/o/r',
      'https://gitee.com/o',
      'https://gitee.com/o/r/issues/1',
      'https://gitee.com/o/r/tree',
      'https://gitee.com/o/r/tree/master/%ZZ',
      'https://gitee.com/o/r/%ZZ/master',
      'https://gitee.com/o%20x/r',
      'https://gitee.com/o/r/tree/master/..%2F..%2F..%2F..%2Fuser',
      'https://gitee.com/o/r/tree/master/a%5C..%5Cb',
      'https://gitee.com/o/r/tree/master/a%0Ab',
    ])
      assert.equal(repoLink(url), undefined, url);
  });
});

describe('hostAllowed', () => {
  const allowed = ['download.mindspore.cn', '*.example.org', 'mirror.example.net:8443', '127.0.0.1:*'];
  it('matches a host exactly, a wildcard by subdomain, and a port only where the entry names it', () => {
    const allows = (url: string) => hostAllowed(new URL(url), allowed);
    assert.ok(allows('https://DOWNLOAD.mindspore.cn/a.ckpt'));
    assert.ok(allows('https://a.b.example.org/a.ckpt'));
    assert.ok(!allows('https://example.org/a.ckpt'));
    assert.ok(!allows('https://download.mindspore.cn:22/a.ckpt'));
    assert.ok(allows('https://mirror.example.net:8443/a.ckpt'));
    assert.ok(!allows('https://mirror.example.net/a.ckpt'));
    assert.ok(allows('https://127.0.0.1:4443/a.ckpt'));
    assert.ok(!allows('https://download.mindspore.cn.evil.com/a.ckpt'));
  });
});
