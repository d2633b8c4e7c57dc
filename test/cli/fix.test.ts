import assert from 'node:assert/strict';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyFindingEdits } from '../../src/core/fix/apply-edits.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { assertSnapshot } from '../helpers/snapshot.js';

/** A first submission with a full-width colon, a misspelt key, a `v`, an upper-case digest, http, ... */
const BEFORE = readFileSync(join(REPO_ROOT, 'test/fixtures/fix/lenet_mnist.before.md'), 'utf8');

function hubWith(text: string | Buffer): { hub: string; file: string } {
  const hub = mkdtempSync(join(tmpdir(), 'mshub-fix-'));
  const folder = join(hub, 'mshub_res/assets/mindspore/1.9');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'lenet_mnist.md');
  writeFileSync(file, text);
  return { hub, file };
}

describe('mshub-review fix', () => {
  it('fixes what needs no decision in place, prints the diff, and lists what is left', async () => {
    const { hub, file } = hubWith(BEFORE);
    const run = await runCliCaptured(['fix', hub]);
    assert.equal(run.code, 0, run.stderr);
    assertSnapshot('fix-lenet-output.txt', run.stdout);
    assertSnapshot('fix-lenet-after.md', readFileSync(file, 'utf8'));
    assert.match(run.stdout, /^-model-name： lenet\n\+model-name: lenet$/m);
    assert.match(run.stdout, /Fixed 8 problems in 1 file\. What is left:/);
  });

  it('changes nothing on a second run', async () => {
    const { hub, file } = hubWith(BEFORE);
    await runCliCaptured(['fix', hub]);
    const once = readFileSync(file, 'utf8');
    const run = await runCliCaptured(['fix', hub]);
    assert.equal(readFileSync(file, 'utf8'), once);
    assert.match(run.stdout, /^\nNothing to fix without a decision of yours/);
  });

  it('writes nothing with --dry-run, and reports what would be left', async () => {
    const { hub, file } = hubWith(BEFORE);
    const run = await runCliCaptured(['fix', hub, '--dry-run']);
    assert.equal(readFileSync(file, 'utf8'), BEFORE);
    assert.match(run.stdout, /Would fix 8 problems in 1 file \(--dry-run: nothing was written\)/);
    assert.match(run.stdout, /\+repo-link: https:\/\/gitee\.com/);
    assert.doesNotMatch(run.stdout, /unknown-key warning: The hub does not read the key `repo_link`/);
  });

  it('says what it did in Chinese with --lang zh', async () => {
    const { hub } = hubWith(BEFORE);
    const run = await runCliCaptured(['fix', hub, '--dry-run', '--lang', 'zh']);
    assert.match(run.stdout, /将修改 1 个文件中的 8 处问题（--dry-run：没有写入任何文件）。修改后还剩下：/);
  });

  it('keeps CRLF line breaks and a byte-order mark, and touches only the fixed lines', async () => {
    const crlf = `\ufeff${BEFORE.replace(/\n/g, '\r\n')}`;
    const { hub, file } = hubWith(crlf);
    await runCliCaptured(['fix', hub]);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith('\ufeff# LeNet\r\n'));
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /\n/, 'every line break is still CRLF');
    assert.equal(after.slice(1).replace(/\r\n/g, '\n'), fixedLf());
  });

  it('says in one line which file could not be written, and leaves it as it was', async () => {
    const { hub, file } = hubWith(BEFORE);
    // Where fix puts the new text before it takes the file's name: a folder there makes the write fail.
    mkdirSync(join(hub, `mshub_res/assets/mindspore/1.9/.lenet_mnist.md.mshub-review-${process.pid}.tmp`));
    const run = await runCliCaptured(['fix', hub]);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /^mshub-review: mshub_res\/assets\/mindspore\/1\.9\/lenet_mnist\.md could not be written \(\w+\), so it is unchanged\. No file was changed\./,
    );
    assert.equal(readFileSync(file, 'utf8'), BEFORE);
  });

  it('writes through a symbolic link to the file it names, and keeps the link', async () => {
    const { hub, file } = hubWith(BEFORE);
    const target = join(hub, 'lenet_mnist.source.md');
    renameSync(file, target);
    symlinkSync(target, file);
    await runCliCaptured(['fix', file]);
    assert.ok(lstatSync(file).isSymbolicLink());
    assert.equal(readFileSync(target, 'utf8'), fixedLf());
  });

  it('keeps the quotes a fixed value was written in', async () => {
    const { hub, file } = hubWith(BEFORE.replace('update-time: 2022-3-7', 'update-time: "2022-3-7"'));
    await runCliCaptured(['fix', hub]);
    assert.match(readFileSync(file, 'utf8'), /^update-time: "2022-03-07"$/m);
  });

  it('never rewrites a file it could read only in part, and exits 1 for it', async () => {
    const huge = Buffer.alloc(1024 * 1024 + 10, 'a');
    const { hub, file } = hubWith(huge);
    const run = await runCliCaptured(['fix', hub]);
    assert.equal(run.code, 1);
    assert.equal(readFileSync(file).length, huge.length);
    assert.match(run.stdout, /file-size error/);
  });
});

/** The LF file after fix, as the first test's snapshot holds it. */
function fixedLf(): string {
  return readFileSync(join(REPO_ROOT, 'test/__snapshots__/fix-lenet-after.md'), 'utf8');
}

describe('applying the edits of findings', () => {
  const finding = (rule: string, edits: Array<{ line: number; text: string | null }>) => ({
    rule,
    severity: 'warning' as const,
    path: 'x.md',
    message: rule,
    edits,
  });

  it('applies all edits of a finding or none, and leaves a conflicting one for the next pass', () => {
    const text = 'a\r\nb\nc\nd';
    const first = finding('first', [{ line: 2, text: 'B' }]);
    const conflicting = finding('conflicting', [
      { line: 2, text: 'other' },
      { line: 3, text: 'C' },
    ]);
    const same = finding('same', [{ line: 2, text: 'B' }]);
    const removal = finding('removal', [{ line: 4, text: null }]);
    const outcome = applyFindingEdits(text, [first, conflicting, same, removal]);
    assert.equal(outcome.text, 'a\r\nB\nc\n');
    assert.deepEqual(
      outcome.applied.map((item) => item.rule),
      ['first', 'same', 'removal'],
    );
  });

  it('refuses an edit outside the file or one that carries its own carriage return', () => {
    const outcome = applyFindingEdits('a\nb\n', [
      finding('outside', [{ line: 3, text: 'x' }]),
      finding('carriage return', [{ line: 1, text: 'x\r\ny' }]),
    ]);
    assert.equal(outcome.text, 'a\nb\n');
    assert.deepEqual(outcome.applied, []);
  });

  it("adds the lines of an edit below its line, with that line's break", () => {
    const outcome = applyFindingEdits('a\r\nb\nc', [
      finding('below a', [{ line: 1, text: 'a\nA' }]),
      finding('below the last', [{ line: 3, text: 'c\nC' }]),
    ]);
    assert.equal(outcome.text, 'a\r\nA\r\nb\nc\r\nC');
  });
});

describe('mshub-review --version', () => {
  it('prints the version of the package', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCliCaptured(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${version}\n`);
  });
});
