import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import packageJson from '../../package.json' with { type: 'json' };
import { compareVersions } from '../../src/cli/version-command.js';
import { runCliCaptured } from '../helpers/run-cli.js';

/** A loopback bot that publishes whatever version the test sets at /cli/version. */
let published = '';
let asked = 0;
let bot: Server;
let base = '';
before(async () => {
  bot = createServer((request, response) => {
    asked++;
    if (request.url !== '/cli/version') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ version: published, sha256: 'a'.repeat(64) }));
  });
  await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(bot.address() as AddressInfo).port}`;
});
after(() => new Promise((resolve) => bot.close(resolve)));

describe('mshub-review version', () => {
  it('prints its version and asks no one, unless asked to', async () => {
    const before = asked;
    const run = await runCliCaptured(['version']);
    assert.deepEqual([run.code, run.stdout, run.stderr], [0, `mshub-review ${packageJson.version}\n`, '']);
    assert.equal(asked, before, 'no network call by default');
  });

  it('says when the bot publishes a newer one, and how to get it, in Chinese', async () => {
    published = '99.0.0';
    const run = await runCliCaptured(['version', '--server', `${base}/`], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      `mshub-review ${packageJson.version}\n${base} 的机器人发布的是更新的 99.0.0，它可能报告这个副本发现不了的问题。这样获取：\n  curl -fsSLO ${base}/cli/mshub-review.mjs\n（Windows PowerShell：Invoke-WebRequest ${base}/cli/mshub-review.mjs -OutFile mshub-review.mjs）\n`,
    );
  });

  it('says when this copy is up to date', async () => {
    published = packageJson.version;
    const run = await runCliCaptured(['version', '--server', base, '--lang', 'en']);
    assert.match(run.stdout, /publishes \d+\.\d+\.\d+: this copy is up to date\.\n$/);
  });

  it('says so, with exit code 2, when the bot cannot be asked or the address is not one', async () => {
    const unreachable = await runCliCaptured(['version', '--server', `${base}/nothing-here/`]);
    assert.equal(unreachable.code, 2);
    assert.match(unreachable.stderr, /Could not ask .* for its version \(HTTP 404\)/);
    const wrong = await runCliCaptured(['version', '--server', 'ftp://example.org']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--server must be the bot's http\(s\) address/);
  });

  it('compares versions part by part', () => {
    assert.equal(compareVersions('0.1.10', '0.1.9'), 1);
    assert.equal(compareVersions('0.1.0', '0.2.0'), -1);
    assert.equal(compareVersions('1.0.0', '1.0'), 0);
  });
});
