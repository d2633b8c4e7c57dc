import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { runNew } from '../../src/cli/new-command.js';
import { readEnvironment } from '../../src/config/environment.js';
import { type AssetServer, serveAsset, startAssetServer, testAsset } from '../helpers/asset-server.js';
import { CORPUS_ROOT, CORPUS_SKIP, REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { assertSnapshot } from '../helpers/snapshot.js';

const TODAY = new Date('2026-11-30T12:00:00Z');
const REPO_LINK = 'https://gitee.com/mindspore/models/tree/r2.5/official/cv/ResNet';
const LINK = 'https://download.mindspore.cn/models/r2.5/resnet50.ckpt';

/** A copy of the sample hub, and a model file in it. */
function hubCopy(): { hub: string; model: string; sha256: string } {
  const hub = join(mkdtempSync(join(tmpdir(), 'mshub-new-')), 'hub');
  cpSync(SAMPLE_HUB, hub, { recursive: true });
  const bytes = Buffer.from('a model checkpoint, for the test\n'.repeat(100));
  const model = join(hub, 'resnet50.ckpt');
  writeFileSync(model, bytes);
  return { hub, model, sha256: createHash('sha256').update(bytes).digest('hex') };
}

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCliCaptured(['new', ...args], { env, now: () => TODAY });

function required(hub: string, model: string): string[] {
  return [...fields(hub), '--asset', model, '--asset-link', LINK];
}

/** Every flag `new` needs but the assets. */
function fields(hub: string): string[] {
  return [
    '--hub',
    hub,
    '--model-name',
    'resnet50',
    '--module-type',
    'cv-classification',
    '--mindspore-version',
    '2.5',
    '--user-id',
    'Zhang San',
    '--repo-link',
    REPO_LINK,
  ];
}

describe('mshub-review new', () => {
  it('writes a submission that passes validate, with the digest of the model file', async () => {
    const { hub, model, sha256 } = hubCopy();
    const written = await run([...required(hub, model), '--dataset', 'ImageNet2012', '--cn']);
    assert.equal(written.code, 0, written.stderr);
    const path = 'mshub_res/assets/zhang-san/2.5/resnet50_imagenet2012.md';
    assert.match(written.stdout, /mindspore_hub\.load\("zhang-san\/2\.5\/resnet50_imagenet2012"\)/);
    const text = readFileSync(join(hub, path), 'utf8');
    assert.ok(text.includes(`  asset-sha256: ${sha256}\n`));
    assertSnapshot('new/resnet50_imagenet2012.md', text);
    assertSnapshot(
      'new/resnet50_imagenet2012_cn.md',
      readFileSync(join(hub, path.replace('.md', '_cn.md')), 'utf8'),
    );
    const checked = await runCliCaptured(['validate', join(hub, 'mshub_res/assets/zhang-san')]);
    assert.equal(checked.stdout, '✔ 2 files checked, no problems\n');
  });

  for (const [name, extra, path] of [
    [
      'no dataset, on GPU, for transfer learning',
      ['--backend', 'gpu', '--used-for', 'transfer-learning'],
      'mshub_res/assets/zhang-san/2.5/resnet50.md',
    ],
    [
      'a publisher folder of its own and a version YAML would misread',
      ['--publisher', 'noah-cvlab', '--model-version', '1.10', '--dataset', 'cifar10'],
      'mshub_res/assets/noah-cvlab/2.5/resnet50_cifar10.md',
    ],
    [
      'not fine-tunable, with evaluation and a summary',
      [
        '--no-fine-tunable',
        '--evaluation',
        'top1acc76.5 | top5acc93.1',
        '--summary',
        "Zhang's resnet50 for cv",
      ],
      'mshub_res/assets/zhang-san/2.5/resnet50.md',
    ],
  ] as const) {
    it(`writes a file that passes validate: ${name}`, async () => {
      const { hub, model } = hubCopy();
      const written = await run([...required(hub, model), ...extra]);
      assert.equal(written.code, 0, written.stderr);
      const checked = await runCliCaptured(['validate', join(hub, path)]);
      assert.equal(checked.stdout, '✔ 1 file checked, no problems\n');
    });
  }

  it("writes files the hub's own validator passes", { skip: CORPUS_SKIP }, async () => {
    const { hub, model } = hubCopy();
    const fresh = join(mkdtempSync(join(tmpdir(), 'mshub-new-hub-')), 'hub');
    mkdirSync(join(fresh, 'mshub_res/assets'), { recursive: true });
    await run([...required(fresh, model), '--dataset', 'ImageNet2012', '--model-version', '1.10', '--cn']);
    await run([...required(fresh, model), '--backend', 'cpu', '--model-name', 'lenet', '--dataset', 'mnist']);
    assert.equal(readdirSync(join(fresh, 'mshub_res/assets/zhang-san/2.5')).length, 3);
    const validator = join(CORPUS_ROOT, '../tools/hub-validator/run.sh');
    const { stdout } = await promisify(execFile)('bash', [validator, fresh]);
    assert.equal((stdout.match(/Passed!/g) ?? []).length, 4, stdout);
    assert.doesNotMatch(stdout, /cannot pass/);
    assert.ok(existsSync(hub));
  });

  it('refuses a value the hub would refuse, says which and why, and writes nothing', async () => {
    const { hub, model } = hubCopy();
    const refused = await run([
      ...required(hub, model),
      '--summary',
      'resnet50: a classifier',
      '--dataset',
      'ImageNet_2012',
    ]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /was not written, because the hub would refuse it/);
    assert.match(refused.stderr, /The value of `summary` contains `:`/);
    assert.match(refused.stderr, /The hub does not know the datasets `ImageNet` and `2012`/);
    assert.equal(existsSync(join(hub, 'mshub_res/assets/zhang-san')), false);
  });

  it("writes a model whose file is hosted anywhere on https, as the hub's loader downloads from anywhere", async () => {
    const { hub, model } = hubCopy();
    const outside = 'https://files.example.org/zhangsan/resnet50.ckpt';
    const written = await run([...fields(hub), '--asset', model, '--asset-link', outside]);
    assert.equal(written.code, 0, written.stderr);
    const path = join(hub, 'mshub_res/assets/zhang-san/2.5/resnet50.md');
    assert.match(
      readFileSync(path, 'utf8'),
      /asset-link: <https:\/\/files\.example\.org\/zhangsan\/resnet50\.ckpt>/,
    );
    const validated = await runCliCaptured(['validate', path]);
    assert.equal(validated.code, 0, validated.stdout);
  });

  it('names the hub maintainers when the hub keeps a list of download hosts and the host is not on it', async () => {
    const { hub, model } = hubCopy();
    mkdirSync(join(hub, '.github'), { recursive: true });
    writeFileSync(join(hub, '.github/mshub-review.yml'), 'asset-hosts: [download.mindspore.cn]\n');
    const refused = await run([
      ...fields(hub),
      '--asset',
      model,
      '--asset-link',
      'https://files.example.org/r.ckpt',
    ]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /not on this hub's list of download hosts \(download\.mindspore\.cn\)/);
    assert.match(refused.stderr, /ask the hub maintainers to add `files\.example\.org` to `asset-hosts`/);
    assert.equal(existsSync(join(hub, 'mshub_res/assets/zhang-san')), false);
  });

  it('never overwrites a file', async () => {
    const { hub, model } = hubCopy();
    assert.equal((await run(required(hub, model))).code, 0);
    const path = join(hub, 'mshub_res/assets/zhang-san/2.5/resnet50.md');
    writeFileSync(path, 'edited by hand\n');
    const again = await run(required(hub, model));
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists, and `new` never overwrites a file/);
    assert.equal(readFileSync(path, 'utf8'), 'edited by hand\n');
  });

  for (const [name, args, message] of [
    [
      'a summary of two lines (a way to add keys)',
      ['--summary', 'ok\nasset-link: x'],
      /--summary must be one line/,
    ],
    ['a module type with a line break', ['--module-type', 'cv\nuser-id: x'], /--module-type .* is not valid/],
    [
      'a version folder that is not one',
      ['--mindspore-version', '../../x'],
      /--mindspore-version .* is not valid/,
    ],
    ['an http repo-link', ['--repo-link', 'http://gitee.com/x'], /--repo-link .* is not an https link/],
    [
      'a user id with nothing to name a folder',
      ['--user-id', '张三'],
      /give --publisher, e\.g\. --publisher zhang-san/,
    ],
    [
      'a model file without its link',
      ['--asset', 'other.ckpt'],
      /give one --asset-link for each local --asset file/,
    ],
  ] as const) {
    it(`refuses ${name} with exit 2`, async () => {
      const { hub, model } = hubCopy();
      const refused = await run([...required(hub, model), ...args]);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, message);
      assert.equal(existsSync(join(hub, 'mshub_res/assets/zhang-san')), false);
    });
  }

  it('names the flags it needs when no one is at the terminal to ask', async () => {
    const { hub } = hubCopy();
    const refused = await run(['--hub', hub, '--model-name', 'x']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /new needs --module-type, --mindspore-version, --user-id, and --repo-link/);
  });

  it('says to run it in a hub checkout when there is none', async () => {
    const refused = await run(['--hub', tmpdir(), '--model-name', 'x']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not in a hub checkout/);
  });

  it('asks at a terminal for what the flags left out', async () => {
    const { hub, model, sha256 } = hubCopy();
    // A family and a dataset the hub does not know are asked again, with the likely spelling.
    const answers = [
      'lenet',
      'cvv-classification',
      'cv-classification',
      '2.5',
      'Zhang San',
      REPO_LINK,
      'mnsit',
      'mnist',
      model,
      LINK,
    ];
    const questions: string[] = [];
    let stdout = '';
    const code = await runNew(
      {
        hub,
        modelVersion: '1.0',
        usedFor: 'inference',
        backend: 'ascend',
        license: 'Apache2.0',
        fineTunable: true,
      },
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        environment: readEnvironment({}),
        today: '2026-11-30',
        ask: async (question) => {
          questions.push(question);
          return answers.shift() ?? '';
        },
      },
    );
    assert.equal(code, 0);
    assert.match(questions[1] ?? '', /families: gnn, rl, audio, cv/);
    assert.match(
      questions[2] ?? '',
      /^`cvv` is not a family the hub knows \(did you mean `cv`\?\)\. Module type/,
    );
    assert.match(questions[7] ?? '', /^The hub's dataset list has no `mnsit` \(did you mean `MNIST`\?\)/);
    const text = readFileSync(join(hub, 'mshub_res/assets/zhang-san/2.5/lenet_mnist.md'), 'utf8');
    assert.ok(text.includes(sha256));
    assert.match(stdout, /lenet_mnist/);
  });
});

describe('mshub-review new, when the answers at a terminal still cannot be written', () => {
  it('says why and gives the command that keeps every answer, with the one to change in it', async () => {
    const { hub, model } = hubCopy();
    const taken = join(hub, 'mshub_res/assets/zhang-san/2.5/resnet50.md');
    mkdirSync(join(hub, 'mshub_res/assets/zhang-san/2.5'), { recursive: true });
    writeFileSync(taken, 'a model someone else submitted\n');
    const answers = ['resnet50', 'cv-classification', '2.5', REPO_LINK, ''];
    let stderr = '';
    const code = await runNew(
      {
        hub,
        modelVersion: '1.0',
        usedFor: 'inference',
        backend: 'ascend',
        license: 'Apache2.0',
        fineTunable: true,
        asset: [model],
        assetLink: [LINK],
        userId: 'Zhang San',
        publisher: 'zhang-san',
      },
      {
        stdout: { write: () => true },
        stderr: { write: (text: string) => (stderr += text) },
        environment: readEnvironment({ LANG: 'en_US.UTF-8' }),
        today: '2026-11-30',
        invokedAs: 'node mshub-review.mjs',
        ask: async () => {
          const answer = answers.shift();
          if (answer === undefined) throw new Error('asked more than the test answers');
          return answer;
        },
      },
    );
    assert.equal(code, 2);
    assert.match(stderr, /resnet50\.md already exists, and `new` never overwrites a file/);
    const command = /Your answers are kept: to go on, run `(.+)`/.exec(stderr)?.[1] ?? '';
    assert.equal(
      command,
      `node mshub-review.mjs new --hub ${hub} --model-name resnet50 --module-type cv-classification --mindspore-version 2.5 --user-id "Zhang San" --publisher zhang-san --repo-link ${REPO_LINK} --asset ${model} --asset-link ${LINK}`,
    );
    assert.equal(readFileSync(taken, 'utf8'), 'a model someone else submitted\n');
  });

  it('refuses a user id with no letter from a flag too, saying what it is for', async () => {
    const { hub, model } = hubCopy();
    const refused = await run([...required(hub, model), '--user-id', '2.5'], { LANG: 'en_US.UTF-8' });
    assert.equal(refused.code, 2);
    assert.match(
      refused.stderr,
      /The user id `2\.5` has no letter: it names you or your team on the hub, not a version\./,
    );
  });
});

describe('mshub-review new in Chinese', () => {
  it('asks in Chinese and says what it wrote in Chinese when the locale is Chinese', async () => {
    const { hub, model } = hubCopy();
    const answers = [
      'lenet',
      'cvv-classification',
      'cv-classification',
      '2.5',
      'Zhang San',
      REPO_LINK,
      'mnist',
    ];
    const questions: string[] = [];
    let stdout = '';
    const code = await runNew(
      {
        hub,
        modelVersion: '1.0',
        usedFor: 'inference',
        backend: 'ascend',
        license: 'Apache2.0',
        fineTunable: true,
        asset: [model],
        assetLink: [LINK],
      },
      {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: () => true },
        environment: readEnvironment({ LANG: 'zh_CN.UTF-8' }),
        today: '2026-11-30',
        ask: async (question) => {
          questions.push(question);
          return answers.shift() ?? '';
        },
      },
    );
    assert.equal(code, 0);
    assert.equal(questions[0], '模型名称（例如 resnet50）：');
    assert.match(questions[2] ?? '', /^Hub 不认识类别 `cvv`（是不是想写 `cv`？）。模型类型/);
    assert.match(stdout, /^已写入 mshub_res\/assets\/zhang-san\/2\.5\/lenet_mnist\.md。\n它通过了所有检查。/);
  });

  it('refuses in Chinese with --lang zh', async () => {
    const { hub, model } = hubCopy();
    const refused = await run([...required(hub, model), '--dataset', 'ImageNet_2012', '--lang', 'zh']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /没有写入 .*，因为 Hub 会拒绝它：/);
    assert.match(refused.stderr, /Hub 不认识数据集 `ImageNet` 和 `2012`（共 2 个）/);
    assert.match(refused.stderr, /请修改给出这些值的参数，然后重新运行 `new`。/);
  });

  it('explains a wrong flag in Chinese too', async () => {
    const { hub, model } = hubCopy();
    const refused = await run([...required(hub, model), '--model-name', 'bad name', '--lang', 'zh']);
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      'mshub-review: --model-name "bad name" 无效：请使用字母、数字和 _ . + -。\n',
    );
    const english = await run([...required(hub, model), '--model-name', 'bad name'], { LANG: 'en_US.UTF-8' });
    assert.equal(
      english.stderr,
      'mshub-review: --model-name "bad name" is not valid: use letters, digits and _ . + -.\n',
    );
  });
});

describe('mshub-review new --asset URL', () => {
  const asset = testAsset(32 * 1024, 11);
  let server: AssetServer;
  before(async () => {
    server = await startAssetServer(serveAsset(asset.bytes));
  });
  after(() => server.close());

  it('downloads the asset through the guarded downloader to compute its digest', async () => {
    const { hub } = hubCopy();
    mkdirSync(join(hub, '.github'), { recursive: true });
    writeFileSync(join(hub, '.github/mshub-review.yml'), 'asset-hosts: ["127.0.0.1:*"]\n');
    const link = server.url('/resnet50.ckpt');
    const written = await run([...fields(hub), '--asset', link], {
      ALLOW_PRIVATE_ASSET_HOSTS: '127.0.0.1',
      ASSET_CA_FILE: join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem'),
      ASSET_RETRIES: '0',
    });
    assert.equal(written.code, 0, written.stderr);
    const text = readFileSync(join(hub, 'mshub_res/assets/zhang-san/2.5/resnet50.md'), 'utf8');
    assert.ok(text.includes(`  asset-link: <${link}>\n  asset-sha256: ${asset.sha256}\n`));
    assert.equal(server.requests.length, 1);
  });
});
