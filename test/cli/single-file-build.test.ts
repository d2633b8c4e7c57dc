import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';

const run = promisify(execFile);

/** Runs the single-file build with only `node`: no node_modules anywhere above the hub. */
async function runSingleFile(
  hub: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['tools/mshub-review.mjs', ...args], {
      cwd: hub,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the single-file build, vendored into a hub as tools/mshub-review.mjs', () => {
  let hub: string;
  before(async () => {
    hub = join(mkdtempSync(join(tmpdir(), 'mshub-vendored-')), 'hub');
    cpSync(SAMPLE_HUB, hub, { recursive: true });
    await run(process.execPath, ['scripts/build-single-file.mjs', join(hub, 'tools/mshub-review.mjs')], {
      cwd: REPO_ROOT,
    });
  });

  it('runs validate with nothing but node, and finds what the installed CLI finds', async () => {
    const vendored = await runSingleFile(hub, ['validate', '.', '--format', 'json']);
    const installed = await runCliCaptured(['validate', hub, '--format', 'json']);
    assert.equal(vendored.code, 1);
    assert.equal(installed.code, 1);
    assert.deepEqual(JSON.parse(vendored.stdout), JSON.parse(installed.stdout));
  });

  it('checks every real hub file as the installed CLI does', { skip: CORPUS_SKIP }, async () => {
    const corpusHub = join(CORPUS_ROOT, 'hub');
    const tools = mkdtempSync(join(tmpdir(), 'mshub-tools-'));
    cpSync(join(hub, 'tools'), join(tools, 'tools'), { recursive: true });
    const vendored = await runSingleFile(tools, ['validate', corpusHub, '--format', 'json']);
    const installed = await runCliCaptured(['validate', corpusHub, '--format', 'json']);
    const report = JSON.parse(vendored.stdout) as { summary: { files: number } };
    assert.equal(report.summary.files, 2915);
    assert.deepEqual(report, JSON.parse(installed.stdout));
  });

  it('names itself in the comment, and the commands it names work as written', async () => {
    const comment = (await runSingleFile(hub, ['validate', '.', '--format', 'markdown'])).stdout;
    const file = 'mshub_res/assets/mindspore/2.3/bit_resnet50_imagenet2012.md';
    const validate = comment.match(/`node (tools\/mshub-review\.mjs) validate <file>`/);
    const fix = comment.match(/`node (tools\/mshub-review\.mjs) fix <file>`/);
    assert.ok(validate && fix, 'the comment names the vendored copy for validate and fix');

    const checked = await runSingleFile(hub, ['validate', file]);
    assert.equal(checked.code, 1);
    assert.match(checked.stdout, /update-time-format/);
    assert.match(checked.stdout, /Compute it with `node tools\/mshub-review\.mjs sha256 <file>`/);

    const fixed = await runSingleFile(hub, ['fix', file]);
    assert.match(fixed.stdout, /^\+update-time: 2024-08-09$/m);
    const after = await runSingleFile(hub, ['validate', file, '--format', 'json']);
    const findings = (
      JSON.parse(after.stdout) as { files: Array<{ findings: Array<{ edits?: unknown }> }> }
    ).files.flatMap((entry) => entry.findings);
    assert.deepEqual(
      findings.filter((finding) => finding.edits),
      [],
      'fix left nothing it could have fixed',
    );
  });

  it('installs as the package mshub-review-cli: no dependency, under 1 MiB, the mshub-review command', async () => {
    const work = mkdtempSync(join(tmpdir(), 'mshub-cli-install-'));
    const { stdout: tarball } = await run(
      process.execPath,
      ['scripts/pack-cli.mjs', work, join(hub, 'tools/mshub-review.mjs')],
      { cwd: REPO_ROOT },
    );
    const prefix = join(work, 'install');
    await run(
      'npm',
      ['install', tarball.trim(), '--prefix', prefix, '--offline', '--no-audit', '--no-fund'],
      {
        cwd: work,
      },
    );
    assert.deepEqual(
      readdirSync(join(prefix, 'node_modules')).filter((name) => !name.startsWith('.')),
      ['mshub-review-cli'],
    );
    const installed = readdirSync(join(prefix, 'node_modules/mshub-review-cli')).reduce(
      (total, name) => total + statSync(join(prefix, 'node_modules/mshub-review-cli', name)).size,
      0,
    );
    assert.ok(installed < 1024 * 1024, `${installed} bytes installed`);
    const { stdout } = await run(
      join(prefix, 'node_modules/.bin/mshub-review'),
      ['validate', 'mshub_res/assets/mindspore/1.9/albert_mnli.md'],
      {
        cwd: hub,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    );
    assert.equal(stdout, '✔ 1 file checked, no problems\n');
  });

  it('says that serve, worker and audit are not part of it, and exits 2', async () => {
    for (const [command, says] of [
      ['serve', 'runs the bot and needs the server dependencies'],
      ['worker', 'runs the bot and needs the server dependencies'],
      ['audit', 'audits a whole hub for its maintainers and is part of the full package'],
    ]) {
      const started = await runSingleFile(hub, [command as string]);
      assert.equal(started.code, 2);
      assert.match(started.stderr, new RegExp(`\`${command}\` ${says}`));
      assert.doesNotMatch(started.stderr, /\n\s+at /, 'no stack trace');
    }
  });
});
