import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { commandName, shellWord } from '../../src/cli/new-resume-command.js';

/** What a POSIX shell makes of one word. */
function readBack(word: string): string {
  return execFileSync('sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' });
}

describe('the command that resumes new', () => {
  for (const value of [
    'resnet50',
    'Zhang San',
    "Noah's Ark Lab",
    '张三',
    'C:\\Users\\zhang san\\resnet50.ckpt',
    'a "quoted" $HOME `date` 100% !',
    'ends in a backslash\\',
  ])
    it(`quotes ${JSON.stringify(value)} so that a shell reads it back as written`, () => {
      assert.equal(readBack(shellWord(value)), value);
    });

  it('uses double quotes where every shell keeps the text (PowerShell and cmd.exe do not read single quotes so)', () => {
    assert.equal(shellWord("Noah's Ark Lab"), `"Noah's Ark Lab"`);
    assert.equal(shellWord('C:\\models\\my model.ckpt'), '"C:\\models\\my model.ckpt"');
  });

  it('names the program as it was started', () => {
    assert.equal(commandName('/home/z/hub/mshub-review.mjs', '/home/z/hub'), 'node ./mshub-review.mjs');
    assert.equal(
      commandName('/home/z/hub/tools/mshub-review.mjs', '/home/z/hub'),
      'node tools/mshub-review.mjs',
    );
    assert.equal(
      commandName('/srv/x/node_modules/mshub-review/bin/mshub-review.js', '/home/z'),
      'npx mshub-review',
    );
    assert.equal(
      commandName('/opt/mshub review/mshub-review.mjs', '/home/z'),
      'node "/opt/mshub review/mshub-review.mjs"',
    );
    assert.equal(commandName(undefined, '/home/z'), 'mshub-review');
  });
});
