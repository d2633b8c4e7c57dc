import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hostAllowed, parseRepoLink, plainHttpsLink, unwrapLink } from '../../src/core/links.js';
import { CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from '../helpers/fixtures.js';

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

/** What parseHttpsLink gives when every link goes through URL: the reading the fast one must equal. */
function throughUrl(text: string): Pick<URL, 'href' | 'hostname' | 'port' | 'pathname'> | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined;
  return { href: url.href, hostname: url.hostname, port: url.port, pathname: url.pathname };
}

function assertReadAsUrlReads(text: string): boolean {
  const plain = plainHttpsLink(text);
  if (plain === undefined) return false;
  assert.deepEqual({ ...plain }, throughUrl(text), text);
  return true;
}

function linksIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) =>
      [...readFileSync(join(folder, name), 'utf8').matchAll(/^\s*-?\s*(?:asset|repo)-link:\s*(.*)$/gm)].map(
        (match) => unwrapLink((match[1] ?? '').trim()),
      ),
    );
}

describe('plainHttpsLink', () => {
  it('reads the sample hub links as URL does', () => {
    const links = linksIn(SAMPLE_HUB);
    assert.ok(links.filter(assertReadAsUrlReads).length > links.length * 0.9);
  });

  it('reads every real hub link as URL does', { skip: CORPUS_SKIP }, () => {
    const links = linksIn(join(CORPUS_ROOT, 'hub'));
    // Nearly every hub link has the plain shape; the rest go through URL.
    assert.ok(links.filter(assertReadAsUrlReads).length > links.length * 0.99);
  });

  it('leaves to URL every link URL would rewrite, and agrees with it on the rest', () => {
    const hosts = [
      'gitee.com',
      'GitHub.com',
      'xn--fiqs8s.cn',
      'a.xn--fiqs8s',
      'b.1',
      '1.2.3.4',
      'a.0x7f',
      'example.com.',
      'a..b.com',
      '-a-.com',
      `${'a'.repeat(70)}.com`,
      'gitee.com:443',
      'gitee.com:8443',
      'user@gitee.com',
      'u:p@gitee.com',
      '[::1]',
      'ex%41mple.com',
      'exa mple.com',
      '',
    ];
    const paths = [
      '',
      '/',
      '/o/r',
      '/o/r/',
      '//o//r',
      '/o/./r',
      '/o/../r',
      '/o/r/.',
      '/o/r/..',
      '/o/%2e/r',
      '/o/.%2E/r',
      '/o/r.git',
      '/a b',
      '/a\tb',
      '/a\\b',
      '/a?b',
      '/a#b',
      '/a|b^c{d}`e"f<g>',
      "/a~b!$&'()*+,;=:@-_.c",
      '/中文',
      '/a%20b',
      '/%zz',
      '/..',
      '/.',
    ];
    let plain = 0;
    for (const host of hosts)
      for (const path of paths)
        for (const scheme of ['https://', 'HTTPS://', 'http://', 'https:/', 'https:\\\\', ' https://'])
          if (assertReadAsUrlReads(`${scheme}${host}${path}`)) plain++;
    assert.ok(plain >= 24, `${plain} links read without URL`);
  });

  it('agrees with URL on random links', () => {
    const hostCharacters = 'az09.-xnA';
    const pathCharacters = 'aZ09.-/_~%:@?#\\ \t.2eE中|';
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const pick = (characters: string, length: number) =>
      Array.from({ length }, () => characters[random() % characters.length]).join('');
    let plain = 0;
    for (let run = 0; run < 20_000; run++)
      if (
        assertReadAsUrlReads(
          `https://${pick(hostCharacters, 1 + (random() % 12))}${pick(pathCharacters, random() % 16)}`,
        )
      )
        plain++;
    assert.ok(plain > 1000, `${plain} links read without URL`);
  });
});
