import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { PseudoTerminal, pseudoTerminalMissing } from '../helpers/pseudo-terminal.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { describeUnless, requireWhereDemanded } from '../helpers/suite.js';

const missing = pseudoTerminalMissing();
requireWhereDemanded('terminal', missing);

const REPO_LINK = 'https://gitee.com/mindspore/models/tree/r2.5/official/cv/ResNet';
const LINK = 'https://files.example.org/zhangsan/resnet50.ckpt';
const TSX = fileURLToPath(import.meta.resolve('tsx'));
const BIN = join(REPO_ROOT, 'src/cli/bin.ts');
const terminals: PseudoTerminal[] = [];

/** A hub copy in a folder of its own, with a model file next to it; `new` runs in that folder. */
function workspace(): { folder: string; hub: string } {
  const folder = mkdtempSync(join(tmpdir(), 'mshub-new-tty-'));
  const hub = join(folder, 'hub');
  cpSync(SAMPLE_HUB, hub, { recursive: true });
  writeFileSync(join(folder, 'resnet50.ckpt'), 'a model checkpoint, for the test\n'.repeat(100));
  return { folder, hub };
}

function newAtTerminal(folder: string, args: string[]): PseudoTerminal {
  const terminal = new PseudoTerminal(['node', '--import', TSX, BIN, 'new', ...args], {
    cwd: folder,
    env: { PATH: process.env.PATH, HOME: folder, LANG: 'C.UTF-8' },
  });
  terminals.push(terminal);
  return terminal;
}

/** The words of a command line as a POSIX shell reads them. */
function shellWords(command: string): string[] {
  const printed = execFileSync('sh', ['-c', `printf '%s\\0' ${command}`], { encoding: 'utf8' });
  return printed.split('\0').slice(0, -1);
}

after(() => {
  for (const terminal of terminals) terminal.kill();
});

describeUnless(missing, 'mshub-review new at a terminal', () => {
  it('asks again at once after a wrong answer to each question, with the reason, and writes a file the hub takes', async () => {
    const { folder, hub } = workspace();
    const terminal = newAtTerminal(folder, ['--hub', hub, '--lang', 'en']);
    const exchanges: Array<[string, string, RegExp, string]> = [
      [
        'Model name (e.g. resnet50): ',
        'res net',
        /`res net` will not do: use letters, digits and _ \. \+ -\. Model name/,
        'resnet50',
      ],
      [
        'and other): ',
        'vision-classification',
        /`vision` is not a family the hub knows.*Module type/,
        'cv-classification',
      ],
      [
        'MindSpore version the model runs on (e.g. 2.5): ',
        'v2.5',
        /`v2\.5` will not do: use a version folder such as 2\.5\. MindSpore version/,
        '2.5',
      ],
      [
        'your name or your team (e.g. MindSpore): ',
        '2.5',
        /The user id `2\.5` has no letter.*Your user id/,
        'Zhang San',
      ],
      [
        'official/cv/ResNet): ',
        '张三',
        /`张三` is not an https link to a repository.*Link to the source code/,
        REPO_LINK,
      ],
      [
        'Enter for none): ',
        'imagenet-2012',
        /dataset list has no `imagenet-2012` \(did you mean `ImageNet2012`\?\)/,
        'imagenet2012',
      ],
      [
        'The model file, or its https download link (e.g. ./resnet50.ckpt): ',
        'nofile.ckpt',
        /There is no file `nofile\.ckpt`/,
        'resnet50.ckpt',
      ],
      [
        'where you published it (e.g. https://example.org/models/resnet50.ckpt): ',
        'http://files.example.org/m.ckpt',
        /`http:\/\/files\.example\.org\/m\.ckpt` is not an https link/,
        LINK,
      ],
    ];
    // Each wait is for the end of the question, which ends the prompt: a reason may hold `: ` itself,
    // and typing before the prompt is drawn would race the reader.
    for (const [question, wrong, reason, right] of exchanges) {
      await terminal.waitFor(question);
      terminal.type(`${wrong}\r`);
      await terminal.waitFor(reason);
      await terminal.waitFor(question.slice(-15));
      terminal.type(`${right}\r`);
    }
    await terminal.waitFor(/Wrote mshub_res\/assets\/zhang-san\/2\.5\/resnet50_imagenet2012\.md/);
    assert.equal(await terminal.exited, 0, terminal.screen);
    const path = join(hub, 'mshub_res/assets/zhang-san/2.5/resnet50_imagenet2012.md');
    assert.match(
      readFileSync(path, 'utf8'),
      /asset-link: <https:\/\/files\.example\.org\/zhangsan\/resnet50\.ckpt>/,
    );
    const validated = await runCliCaptured(['validate', path]);
    assert.equal(validated.code, 0, validated.stdout);
  });

  it('stops at Ctrl+C with 130 and one line, and the command it gives goes on from every answer', async () => {
    const { folder, hub } = workspace();
    const terminal = newAtTerminal(folder, ['--hub', hub, '--lang', 'en']);
    await terminal.waitFor('Model name (e.g. resnet50): ');
    terminal.type('resnet50\r');
    await terminal.waitFor('and other): ');
    terminal.type('cv-classification\r');
    await terminal.waitFor('MindSpore version the model runs on (e.g. 2.5): ');
    terminal.type('2.');
    terminal.type('\u0003');
    assert.equal(await terminal.exited, 130, terminal.screen);
    const after = terminal.screen.slice(terminal.screen.lastIndexOf('2.') + 2);
    const lines = after.split('\n').filter((line) => line.trim() !== '');
    assert.equal(lines.length, 1, `one line, no stack: ${after}`);
    const said = lines[0] as string;
    const command =
      /^mshub-review: Stopped; nothing was written\. Your answers are kept: to go on, run `(.+)`$/.exec(
        said,
      )?.[1];
    assert.ok(command, said);
    assert.equal(existsSync(join(hub, 'mshub_res/assets/zhang-san')), false);

    const words = shellWords(command);
    const at = words.indexOf('new');
    assert.deepEqual(words.slice(at + 1), [
      '--hub',
      hub,
      '--model-name',
      'resnet50',
      '--module-type',
      'cv-classification',
      '--lang',
      'en',
    ]);
    const rest = ['--mindspore-version', '2.5', '--user-id', 'Zhang San', '--repo-link', REPO_LINK];
    const resumed = await runCliCaptured([
      'new',
      ...words.slice(at + 1),
      ...rest,
      '--asset',
      join(folder, 'resnet50.ckpt'),
      '--asset-link',
      LINK,
    ]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.ok(existsSync(join(hub, 'mshub_res/assets/zhang-san/2.5/resnet50.md')));
  });

  it('stops at Ctrl+D with 130, writes nothing and prints no stack', async () => {
    const { folder, hub } = workspace();
    const terminal = newAtTerminal(folder, ['--hub', hub, '--lang', 'zh']);
    await terminal.waitFor('模型名称（例如 resnet50）：');
    terminal.type('\u0004');
    assert.equal(await terminal.exited, 130, terminal.screen);
    assert.match(
      terminal.screen,
      /mshub-review: 已停止，没有写入任何文件。你的回答都已保留，继续时请运行 `.+ new --hub .+ --lang zh`\n?$/,
    );
    assert.doesNotMatch(terminal.screen, /at .+\(.+:\d+:\d+\)/);
    assert.equal(existsSync(join(hub, 'mshub_res/assets')), existsSync(join(SAMPLE_HUB, 'mshub_res/assets')));
  });
});
