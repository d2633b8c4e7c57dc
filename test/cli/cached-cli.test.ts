import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadCachedCli } from '../../bin/cached-cli.js';
import { REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { describeUnless } from '../helpers/suite.js';

const run = promisify(execFile);

function captured() {
  let text = '';
  return {
    stream: {
      write: (chunk: string) => {
        text += chunk;
        return true;
      },
    },
    text: () => text,
  };
}

async function validateWith(folder: string, args: string[]): Promise<{ code: number; stdout: string }> {
  const cli = loadCachedCli(folder);
  assert.ok(cli, 'the bundle was built');
  const stdout = captured();
  const code = await cli.runCli(args, { stdout: stdout.stream, stderr: captured().stream, env: {} });
  return { code, stdout: stdout.text() };
}

describe('the contributor commands, bundled with their V8 code cache', () => {
  let folder: string;
  before(async () => {
    folder = join(mkdtempSync(join(tmpdir(), 'mshub-cached-cli-')), 'cached-cli');
    await run(process.execPath, ['scripts/build-cached-cli.mjs', folder], { cwd: REPO_ROOT });
  });

  it('finds what the CLI built from source finds, in every format', async () => {
    for (const format of ['json', 'text', 'markdown']) {
      const bundled = await validateWith(folder, ['validate', SAMPLE_HUB, '--format', format]);
      const source = await runCliCaptured(['validate', SAMPLE_HUB, '--format', format], { env: {} });
      assert.equal(bundled.code, source.code, format);
      assert.equal(bundled.stdout, source.stdout, format);
    }
  });

  it('is compiled from the cache the build made', () => {
    assert.equal(loadCachedCli(folder)?.cacheAccepted, true);
  });

  it('runs the same when V8 refuses the cache (another Node, or a damaged file)', async () => {
    const damaged = join(mkdtempSync(join(tmpdir(), 'mshub-cached-cli-')), 'cached-cli');
    await run(process.execPath, ['scripts/build-cached-cli.mjs', damaged], { cwd: REPO_ROOT });
    writeFileSync(join(damaged, 'cli.cjs.v8-cache'), Buffer.from('not a code cache'));
    assert.equal(loadCachedCli(damaged)?.cacheAccepted, false);
    const args = ['validate', SAMPLE_HUB, '--format', 'json'];
    assert.deepEqual(await validateWith(damaged, args), await validateWith(folder, args));
  });

  it('is ASCII, so that V8 keeps its source one byte a character', () => {
    const bundle = readFileSync(join(folder, 'cli.cjs'), 'utf8');
    const lines = bundle.split('\n');
    const wide = lines.findIndex((line) => /[^\x00-\x7f]/.test(line));
    assert.equal(
      wide,
      -1,
      `line ${wide + 1} of the bundle: write the character as a \\u escape, in src/: ${lines[wide]?.trim()}`,
    );
  });

  it('is absent, not an error, where it was not built', () => {
    assert.equal(loadCachedCli(join(tmpdir(), 'no-such-cached-cli')), undefined);
  });
});

const BUILT =
  existsSync(join(REPO_ROOT, 'dist/bundle/bin.js')) && existsSync(join(REPO_ROOT, 'dist/cached-cli'));

describeUnless(BUILT ? false : 'dist/ is not built here (npm run build)', 'bin/mshub-review.js', () => {
  const bin = (args: string[]) =>
    run(process.execPath, [join(REPO_ROOT, 'bin/mshub-review.js'), ...args], {
      env: { PATH: process.env.PATH ?? '' },
    });

  it('runs validate from the cached bundle and prints what the source prints', async () => {
    const printed = await bin(['validate', SAMPLE_HUB, '--format', 'json']).catch(
      (error: { stdout: string }) => error,
    );
    const source = await runCliCaptured(['validate', SAMPLE_HUB, '--format', 'json'], { env: {} });
    assert.deepEqual(JSON.parse(printed.stdout), JSON.parse(source.stdout));
  });

  it('has written its whole report when it exits, however much it writes to a pipe', async () => {
    const hub = mkdtempSync(join(tmpdir(), 'mshub-large-report-'));
    const folder = join(hub, 'mshub_res/assets/mindspore/1.10');
    mkdirSync(folder, { recursive: true });
    const card = readFileSync(
      join(SAMPLE_HUB, 'mshub_res/assets/mindspore/1.10/apdrawinggan_generator_apdrawingdb.md'),
    );
    for (let index = 0; index < 600; index++)
      writeFileSync(join(folder, `model${index}_imagenet2012.md`), card);
    const printed = await run(
      process.execPath,
      [join(REPO_ROOT, 'bin/mshub-review.js'), 'validate', hub, '--format', 'json'],
      { env: { PATH: process.env.PATH ?? '' }, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout: string; code: number }) => error);
    assert.ok(printed.stdout.length > 1024 * 1024, `${printed.stdout.length} bytes, more than a pipe holds`);
    assert.equal((JSON.parse(printed.stdout) as { files: unknown[] }).files.length, 600);
  });

  it('runs serve and worker from the server chunks, options before them or not', async () => {
    for (const args of [['serve', '--help'], ['--lang', 'zh', 'worker', '--help'], ['-h']]) {
      const { stdout } = await bin(args);
      assert.match(stdout, /mshub-review|用法/, args.join(' '));
    }
  });
});
