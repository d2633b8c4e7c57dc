import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CLEAN_TEXT, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { assertSnapshot } from '../helpers/snapshot.js';

const clean = join(SAMPLE_HUB, 'mshub_res/assets/mindspore/1.9/albert_mnli.md');
const truncated = join(SAMPLE_HUB, 'mshub_res/assets/mindspore/2.3/bit_resnet50_imagenet2012.md');

describe('mshub-review validate', () => {
  it('exits 0 and says so when every file passes', async () => {
    const run = await runCliCaptured(['validate', clean]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '✔ 1 file checked, no problems\n');
  });

  it('exits 1 and prints the path once, then line:col rule-id, the source line and a caret', async () => {
    const run = await runCliCaptured(['validate', truncated]);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /^mshub_res\/assets\/mindspore\/2\.3\/bit_resnet50_imagenet2012\.md\n {2}36:19 asset-sha256-format error: /m,
    );
    assert.match(run.stdout, /^ {4}36 \| {5}asset-sha256: 77dcaf0f\n {7}\| {19}\^$/m);
    // Errors come before warnings, whatever their lines.
    assert.ok(
      run.stdout.indexOf('asset-sha256-format error') < run.stdout.indexOf('update-time-format warning'),
    );
  });

  it('shows errors only with --quiet', async () => {
    const run = await runCliCaptured(['validate', truncated, '--quiet']);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout, /warning:/);
    assert.match(run.stdout, /\(warnings hidden by --quiet\)\n$/);
  });

  it('exits 2 for a path that does not exist', async () => {
    const run = await runCliCaptured(['validate', join(SAMPLE_HUB, 'no/such/file.md')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /does not exist/);
  });

  it('exits 2 for an unknown format', async () => {
    const run = await runCliCaptured(['validate', clean, '--format', 'xml']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Allowed choices are text, json, markdown/);
  });

  it('exits 2 when the configuration file is invalid', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-config-'));
    const config = join(folder, 'bad.yml');
    writeFileSync(config, 'rules:\n  no-such-rule: error\n');
    const run = await runCliCaptured(['validate', clean, '--config', config]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /rules must NOT have additional properties \(no-such-rule\)/);
  });

  it('applies severities from the configuration file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-config-'));
    const config = join(folder, 'relaxed.yml');
    writeFileSync(config, 'rules:\n  asset-sha256-format: warning\n');
    const run = await runCliCaptured(['validate', truncated, '--config', config, '--format', 'json']);
    assert.equal(run.code, 0);
    const report = JSON.parse(run.stdout) as {
      files: Array<{ findings: Array<{ rule: string; severity: string }> }>;
    };
    const digest = report.files
      .flatMap((file) => file.findings)
      .filter((f) => f.rule === 'asset-sha256-format');
    assert.deepEqual(
      digest.map((finding) => finding.severity),
      ['warning'],
    );
  });

  it('checks the assets of a hub when given the hub root, reporting paths from the root', async () => {
    const run = await runCliCaptured(['validate', SAMPLE_HUB, '--format', 'json']);
    const report = JSON.parse(run.stdout) as {
      files: Array<{ path: string }>;
      summary: Record<string, number>;
    };
    assert.equal(run.code, 1);
    assert.equal(report.summary.files, 12);
    assert.ok(report.files.every((file) => file.path.startsWith('mshub_res/assets/')));
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'notices']);
  });

  it('prints the text report for the sample hub', async () => {
    const run = await runCliCaptured(['validate', SAMPLE_HUB]);
    assertSnapshot('sample-hub.txt', run.stdout);
  });

  it('prints the exact comment body with --format markdown', async () => {
    const run = await runCliCaptured(['validate', SAMPLE_HUB, '--format', 'markdown']);
    assert.ok(run.stdout.startsWith('<!-- mshub-review -->\n'));
    assertSnapshot('sample-hub.md', run.stdout);
  });

  it('colours findings on a terminal and not when NO_COLOR is set', async () => {
    const colored = await runCliCaptured(['validate', truncated], { tty: true });
    assert.match(colored.stdout, /\u001b\[31merror:/);
    const plain = await runCliCaptured(['validate', truncated], { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
  });

  it('checks a loose file outside any hub with a notice about the folder rules', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-loose-'));
    writeFileSync(join(folder, 'albert_mnli.md'), CLEAN_TEXT);
    const run = await runCliCaptured(['validate', join(folder, 'albert_mnli.md'), '--format', 'json']);
    const report = JSON.parse(run.stdout);
    assert.equal(run.code, 1);
    assert.equal(report.files[0].findings[0].rule, 'folder-layout');
  });

  it('runs as the mshub-review binary', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/bin.ts', 'validate', clean],
      {
        cwd: REPO_ROOT,
      },
    );
    assert.equal(stdout, '✔ 1 file checked, no problems\n');
  });
});

describe('mshub-review sha256', () => {
  it('prints the lowercase hex digest of a file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'mshub-sha-'));
    const file = join(folder, 'model.ckpt');
    writeFileSync(file, 'abc');
    const run = await runCliCaptured(['sha256', file]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\n');
  });

  it('exits 2 for a file that does not exist', async () => {
    const run = await runCliCaptured(['sha256', '/no/such/model.ckpt']);
    assert.equal(run.code, 2);
  });
});

describe('mshub-review validate on files the hub would skip', () => {
  it('reports a *.MD file instead of passing it over', async () => {
    const root = mkdtempSync(join(tmpdir(), 'upper-md-'));
    const folder = join(root, 'mshub_res/assets/mindspore/1.9');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'albert_mnli.MD'), CLEAN_TEXT);
    const run = await runCliCaptured(['validate', root, '--format', 'json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {
      files: Array<{ path: string; findings: Array<{ rule: string }> }>;
    };
    assert.deepEqual(
      report.files.map((file) => [file.path, file.findings.map((finding) => finding.rule)]),
      [['mshub_res/assets/mindspore/1.9/albert_mnli.MD', ['file-extension']]],
    );
  });

  it('says so, with exit 2, when a folder holds no asset file at all', async () => {
    const root = mkdtempSync(join(tmpdir(), 'no-md-'));
    mkdirSync(join(root, 'mshub_res/assets/mindspore/1.9'), { recursive: true });
    writeFileSync(join(root, 'mshub_res/assets/mindspore/1.9/notes.txt'), 'x');
    const run = await runCliCaptured(['validate', root]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /found no asset file \(\*\.md\)/);
    assert.equal(run.stdout, '');
  });
});

describe('mshub-review validate --lang', () => {
  it('speaks Chinese when the locale is Chinese, and English with --lang en', async () => {
    const chinese = await runCliCaptured(['validate', truncated], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(
      chinese.stdout,
      /36:19 asset-sha256-format 错误: `asset-sha256` `77dcaf0f` 只有 8 位十六进制数字/,
    );
    assert.match(chinese.stdout, /✖ 1 个文件中有 1 个存在问题/);
    const english = await runCliCaptured(['validate', truncated, '--lang', 'en'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    assert.match(english.stdout, /asset-sha256-format error: `asset-sha256` `77dcaf0f` has 8 hex digits/);
  });

  it('prints the comment a Gitee hub gets with --format markdown --lang zh+en', async () => {
    const run = await runCliCaptured(['validate', truncated, '--format', 'markdown', '--lang', 'zh+en']);
    assert.match(run.stdout, /^<!-- mshub-review -->\n### ❌ mshub-review：/);
    assert.match(run.stdout, /<summary>English（英文版本）<\/summary>/);
  });

  it('refuses a language it does not have', async () => {
    const run = await runCliCaptured(['validate', truncated, '--lang', 'fr']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Allowed choices are zh, en, zh\+en/);
  });
});

describe('mshub-review --help', () => {
  it('explains every command in Chinese when the locale is Chinese', async () => {
    const run = await runCliCaptured(['--help'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^用法：mshub-review/, 'no space after a full-width colon');
    assert.match(run.stdout, /validate \[options\] \[paths\.\.\.\] +检查模型描述文件/);
    assert.match(run.stdout, /help \[command\] +显示命令的帮助/);
    const english = await runCliCaptured(['validate', '--help', '--lang', 'en'], {
      env: { LANG: 'zh_CN.UTF-8' },
    });
    assert.match(english.stdout, /^Usage: mshub-review validate/);
    assert.match(english.stdout, /show errors only \(text output\)/);
  });

  it('gives the choices and defaults of an option in Chinese too', async () => {
    const run = await runCliCaptured(['validate', '--help'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(run.stdout, /输出格式（可选："text", "json", "markdown"，默认："text"）/);
    assert.doesNotMatch(run.stdout, /choices:|default:/);
    const english = await runCliCaptured(['validate', '--help'], { env: { LANG: 'C' } });
    assert.match(english.stdout, /output format \(choices: "text", "json", "markdown",\s+default: "text"\)/);
  });
});

describe('mshub-review usage errors under a Chinese locale', () => {
  const zh = { env: { LANG: 'zh_CN.UTF-8' } };

  it('says a path that does not exist in Chinese', async () => {
    const run = await runCliCaptured(['validate', 'nofile.md'], zh);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^mshub-review: nofile\.md 不存在。$/m);
    const sha = await runCliCaptured(['sha256', 'nofile.ckpt'], zh);
    assert.equal(sha.code, 2);
    assert.match(sha.stderr, /nofile\.ckpt 不存在。/);
  });

  it("says commander's own errors in Chinese, with its suggestion", async () => {
    const unknown = await runCliCaptured(['validate', '--formt', 'json'], zh);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^错误：不认识的选项 '--formt'\n（你是不是想输入 --format？）/);
    const choice = await runCliCaptured(['validate', '--format', 'yaml'], zh);
    assert.match(
      choice.stderr,
      /^错误：'yaml' 不是选项 '-f, --format <format>' 可以取的值；可选值为 text, json, markdown/,
    );
    const command = await runCliCaptured(['bogus'], zh);
    assert.match(command.stderr, /^错误：不认识的命令 'bogus'/);
    const english = await runCliCaptured(['validate', '--bogus'], { env: { LANG: 'C' } });
    assert.match(english.stderr, /^error: unknown option '--bogus'/);
  });

  it('prints the one-line error and how to get help, not the whole help', async () => {
    const run = await runCliCaptured(['validate', '--bogus'], zh);
    assert.equal(run.stderr, "错误：不认识的选项 '--bogus'\n（在命令后加上 --help 查看用法）\n");
    const english = await runCliCaptured(['validate', '--bogus'], { env: { LANG: 'C' } });
    assert.equal(
      english.stderr,
      "error: unknown option '--bogus'\n(add --help to the command to see how to use it)\n",
    );
  });
});
