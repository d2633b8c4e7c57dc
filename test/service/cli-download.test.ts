import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';
import { runServe } from '../../src/cli/serve-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { CLEAN_PATH, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { describeUnless } from '../helpers/suite.js';

const CLI = join(REPO_ROOT, 'dist/mshub-review.mjs');
const run = promisify(execFile);

async function startServe() {
  return runServe(
    readEnvironment({
      GITEE_WEBHOOK_SECRET: 'cli-download-secret',
      GITEE_TOKEN: 't',
      STATE_DIR: mkdtempSync(join(tmpdir(), 'cli-download-')),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
    }),
  );
}

describeUnless(
  existsSync(CLI) ? false : 'dist/mshub-review.mjs is not built here (npm run build)',
  'GET /cli/',
  () => {
    it('publishes the exact single-file CLI serve runs, its digest and its version, cacheable', async () => {
      const server = await startServe();
      const base = `http://127.0.0.1:${server.port}`;
      try {
        const built = readFileSync(CLI);
        const sha256 = createHash('sha256').update(built).digest('hex');
        const file = await fetch(`${base}/cli/mshub-review.mjs`);
        assert.equal(file.status, 200);
        assert.ok(
          Buffer.from(await file.arrayBuffer()).equals(built),
          'the same bytes as dist/mshub-review.mjs',
        );
        assert.equal(file.headers.get('etag'), `"${sha256}"`);
        assert.match(file.headers.get('cache-control') ?? '', /public/);
        assert.equal(
          await (await fetch(`${base}/cli/mshub-review.mjs.sha256`)).text(),
          `${sha256}  mshub-review.mjs\n`,
        );
        const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
          version: string;
        };
        assert.deepEqual(await (await fetch(`${base}/cli/version`)).json(), { version, sha256 });
        const again = await fetch(`${base}/cli/mshub-review.mjs`, {
          headers: { 'if-none-match': `"${sha256}"` },
        });
        assert.equal(again.status, 304);
        assert.equal((await fetch(`${base}/cli/mshub-review.mjs`, { method: 'POST' })).status, 405);
      } finally {
        await server.stop();
      }
    });

    it('lets a contributor with only Node fetch it in one line and validate a file, in Chinese', async () => {
      const server = await startServe();
      const folder = mkdtempSync(join(tmpdir(), 'contributor-'));
      const target = join(folder, CLEAN_PATH);
      mkdirSync(join(target, '..'), { recursive: true });
      cpSync(join(SAMPLE_HUB, CLEAN_PATH), target);
      try {
        const url = `http://127.0.0.1:${server.port}/cli/mshub-review.mjs`;
        // The command the README gives, as a contributor types it (no curl needed, Windows included).
        const oneLine = `node -e "fetch('${url}').then(r=>r.text()).then(t=>require('fs').writeFileSync('mshub-review.mjs',t))" && node mshub-review.mjs validate ${CLEAN_PATH}`;
        const { stdout } = await run('sh', ['-c', oneLine], {
          cwd: folder,
          env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' },
        });
        assert.equal(stdout, '✔ 检查了 1 个文件，没有问题\n', 'the real file passes, said in Chinese');
        assert.ok(existsSync(join(folder, 'mshub-review.mjs')));
        // The line the bot's comment gives (README: the single-file CLI), where curl is installed.
        if (
          await run('sh', ['-c', 'command -v curl']).then(
            () => true,
            () => false,
          )
        ) {
          const curled = mkdtempSync(join(tmpdir(), 'contributor-curl-'));
          mkdirSync(join(curled, CLEAN_PATH, '..'), { recursive: true });
          cpSync(join(SAMPLE_HUB, CLEAN_PATH), join(curled, CLEAN_PATH));
          const byCurl = await run(
            'sh',
            ['-c', `curl -fsSLO ${url} && node mshub-review.mjs validate ${CLEAN_PATH}`],
            {
              cwd: curled,
              env: { PATH: process.env.PATH ?? '', LANG: 'zh_CN.UTF-8' },
            },
          );
          assert.equal(byCurl.stdout, stdout);
        }
      } finally {
        await server.stop();
      }
    });
  },
);
