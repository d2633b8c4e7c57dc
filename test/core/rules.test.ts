import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Severity } from '../../src/core/findings.js';
import { fixAssetFile } from '../../src/core/fix/fix-asset-file.js';
import { RULES } from '../../src/core/rules/rule-catalog.js';
import type { HubContext } from '../../src/core/rules/rule-context.js';
import { defaultRulesConfig, type RulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFiles } from '../../src/core/validate-hub.js';
import type { AssetHashOutcome } from '../../src/core/verification/asset-hash-outcome.js';
import type { SourceRepoOutcome } from '../../src/core/verification/hub-conf.js';
import { reviewAssetFiles } from '../../src/review/review-asset-files.js';
import { MAX_FILES_PER_REVIEW, runReviewJob } from '../../src/review/run-review-job.js';
import { applyFix } from '../helpers/apply-fix.js';
import { control, FakePlatform, REVIEW_REQUEST } from '../helpers/fake-platform.js';
import { CLEAN_PATH, CLEAN_TEXT, check, replaceOnce, rulesOf } from '../helpers/fixtures.js';
import { hubValidatorMissing, runHubValidator } from '../helpers/hub-parity.js';
import { describeUnless } from '../helpers/suite.js';

interface RuleCase {
  rule: string;
  /** Why the failing variant fails, as the test name says it. */
  when: string;
  failing: () => Finding[] | Promise<Finding[]>;
  /**
   * Every finding of the rule the failing variant gets, in order, exactly (ESLint's RuleTester
   * style): where, how severe, and whether it is a reason the hub's validator rejects the file.
   */
  reports: ReadonlyArray<{ line?: number; column?: number; severity: Severity; origin: 'hub' | 'stricter' }>;
  passing?: () => Finding[] | Promise<Finding[]>;
  /** What the finding must say or where it must point. */
  expect?: (finding: Finding) => void;
}

const edit = (search: string | RegExp, replacement: string) => replaceOnce(CLEAN_TEXT, search, replacement);
/** The check of one file, keeping the file so that the fix test can apply the fix to it. */
const run = (
  text: string | Uint8Array,
  options: { path?: string; hub?: HubContext; config?: Partial<RulesConfig> } = {},
) =>
  Object.assign(() => check(text, options), {
    file: { text, path: options.path ?? CLEAN_PATH, config: options.config ?? {} },
  });
/** The hub's settings of a hub that keeps a list of download hosts. */
const LISTED_HOSTS: Partial<RulesConfig> = { assetHosts: ['download.mindspore.cn'] };
type CaseFile = { text: string | Uint8Array; path: string; config: Partial<RulesConfig> };
const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Runs the review pipeline with a fake hasher that answers `outcome` for every asset link. */
function reviewWith(outcome: AssetHashOutcome, text = CLEAN_TEXT): () => Promise<Finding[]> {
  return async () => {
    const hasher = { hash: async () => outcome };
    const files = await reviewAssetFiles(
      [{ path: CLEAN_PATH, bytes: bytesOf(text) }],
      defaultRulesConfig(),
      {},
      { hasher },
    );
    return files.flatMap((file) => file.findings);
  };
}
/** Runs the review pipeline with a fake source-repository checker that answers `outcome`. */
function checkRepoWith(outcome: SourceRepoOutcome): () => Promise<Finding[]> {
  return async () => {
    const sourceRepos = { check: async () => outcome };
    const files = await reviewAssetFiles(
      [{ path: CLEAN_PATH, bytes: bytesOf(CLEAN_TEXT) }],
      defaultRulesConfig(),
      {},
      { sourceRepos },
    );
    return files.flatMap((file) => file.findings);
  };
}
const CLEAN_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';
const OTHER_SHA = 'ab'.repeat(32);

const CASES: RuleCase[] = [
  {
    rule: 'file-encoding',
    when: 'the file holds a NUL byte',
    reports: [{ severity: 'error', origin: 'stricter' }],
    failing: run(new Uint8Array([...bytesOf(CLEAN_TEXT), 0, 1, 2])),
  },
  {
    rule: 'file-encoding',
    when: 'the file is not UTF-8',
    reports: [{ severity: 'error', origin: 'hub' }],
    failing: run(new Uint8Array([...bytesOf('# x\n---\nsummary: caf'), 0xe9, ...bytesOf('\n---\n')])),
  },
  {
    rule: 'file-size',
    when: 'the file is larger than the limit',
    reports: [{ severity: 'error', origin: 'stricter' }],
    failing: run(`${CLEAN_TEXT}\n${'long text '.repeat(120_000)}`),
  },
  {
    rule: 'front-matter-fences',
    when: 'a third line starts with ---',
    reports: [{ line: 65, severity: 'error', origin: 'hub' }],
    failing: run(`${CLEAN_TEXT}\n---\n`),
    expect: (finding) => {
      assert.equal(finding.line, 65);
      assert.match(finding.message, /this file has 3, on lines 3, 42, 65/);
    },
  },
  {
    rule: 'front-matter-fences',
    when: 'there is no front matter at all',
    reports: [{ severity: 'error', origin: 'hub' }],
    failing: run('# albert\n\nJust text.\n'),
  },
  {
    rule: 'front-matter-yaml',
    when: 'the YAML does not parse',
    reports: [{ line: 40, column: 10, severity: 'error', origin: 'hub' }],
    failing: run(edit('summary: albert is used for nlp', 'summary: [albert')),
    expect: (finding) => assert.match(finding.message, /^The `\[` opened on line 40 is never closed/),
  },
  {
    rule: 'front-matter-yaml',
    when: 'the front matter is plain text',
    reports: [{ line: 3, severity: 'error', origin: 'hub' }],
    failing: run('# x\n---\njust words\n---\n'),
  },
  {
    rule: 'front-matter-unsafe',
    when: 'a value carries a JavaScript tag',
    reports: [{ line: 40, column: 10, severity: 'error', origin: 'hub' }],
    failing: run(
      edit('summary: albert is used for nlp', 'summary: !!js/function "function () { return 1 }"'),
    ),
  },
  {
    rule: 'front-matter-unsafe',
    when: 'a collection is reused through an alias',
    reports: [{ line: 40, column: 10, severity: 'error', origin: 'stricter' }],
    failing: run(edit('summary: albert is used for nlp', 'summary: &a [x]\ninput-shape: *a')),
  },
  {
    rule: 'required-field',
    when: 'author is missing',
    reports: [{ line: 4, severity: 'error', origin: 'hub' }],
    failing: run(edit('author: MindSpore team\n', '')),
    expect: (finding) => assert.match(finding.message, /`author` is missing/),
  },
  {
    rule: 'required-field',
    when: 'an asset entry has no asset-link',
    reports: [{ line: 33, severity: 'error', origin: 'hub' }],
    failing: run(edit(/^ {4}asset-link: .*\n/m, '')),
    expect: (finding) => assert.equal(finding.line, 33),
  },
  {
    rule: 'model-name-required',
    when: 'model-name is missing',
    reports: [{ line: 4, severity: 'error', origin: 'stricter' }],
    failing: run(edit('model-name: albert\n', '')),
  },
  {
    rule: 'field-type',
    when: 'fine-tunable is not a boolean',
    reports: [{ line: 11, column: 15, severity: 'error', origin: 'hub' }],
    failing: run(edit('fine-tunable: True', 'fine-tunable: "yes"')),
    expect: (finding) => {
      assert.equal(finding.line, 11);
      assert.equal(finding.column, 15);
      assert.match(finding.fix ?? '', /fine-tunable: True/);
    },
  },
  {
    rule: 'required-field',
    when: 'used-for is written with no value (the hub cannot split None)',
    reports: [{ line: 27, column: 10, severity: 'error', origin: 'hub' }],
    failing: run(edit('used-for: inference', 'used-for:')),
    expect: (finding) => {
      assert.match(finding.message, /^`used-for` has no value\./);
      assert.equal(finding.fix, 'Write a value, for example `used-for: inference`.');
    },
  },
  {
    rule: 'hub-validator',
    when: 'repo-link has spaces inside its <...>, which the hub cannot take apart',
    reports: [{ line: 23, severity: 'error', origin: 'hub' }],
    failing: run(
      edit(
        'repo-link: <https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>',
        'repo-link: < https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert >',
      ),
    ),
    expect: (finding) => assert.match(finding.message, /^The hub cannot take `repo-link` apart/),
  },
  {
    rule: 'hub-validator',
    when: 'the file name ends in cn.md but it is no Chinese page',
    reports: [{ severity: 'error', origin: 'hub' }],
    failing: run(CLEAN_TEXT, {
      path: 'mshub_res/assets/mindspore/1.9/albert_gcn.md',
      hub: { assetPaths: new Set(['mshub_res/assets/mindspore/1.9/albert_gcn.md']) },
    }),
    expect: (finding) => assert.match(finding.message, /ends in `cn\.md`/),
  },
  {
    rule: 'field-type',
    when: 'asset is not a list',
    reports: [{ line: 31, column: 8, severity: 'error', origin: 'hub' }],
    failing: run(edit(/^asset:\n\n-\n/m, 'asset: one\n\nx:\n')),
  },
  {
    rule: 'module-type',
    when: 'the family is unknown',
    reports: [{ line: 9, column: 14, severity: 'error', origin: 'hub' }],
    failing: run(edit('module-type: nlp', 'module-type: vision-classification')),
  },
  {
    rule: 'module-type',
    when: 'the family is unknown, whatever follows the first dash (the hub splits there)',
    reports: [{ line: 9, column: 14, severity: 'error', origin: 'hub' }],
    failing: run(edit('module-type: nlp', 'module-type: vision-super-resolution')),
    passing: run(edit('module-type: nlp', 'module-type: cv-super-resolution')),
  },
  {
    rule: 'version-format',
    when: 'model-version has a `v` in front',
    reports: [{ line: 13, column: 16, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('model-version: 1.9', 'model-version: v1.9')),
    passing: run(edit('model-version: 1.9', 'model-version: "1.9"')),
    expect: (finding) => assert.equal(finding.fix, 'Write `model-version: "1.9"`.'),
  },
  {
    rule: 'version-format',
    when: 'mindspore-version is written `v111` (21 historical files)',
    reports: [{ line: 29, column: 20, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('mindspore-version: 1.9', 'mindspore-version: v111')),
    expect: (finding) => assert.match(finding.fix ?? '', /numbers separated by dots/),
  },
  {
    rule: 'version-folder',
    when: 'mindspore-version is not the version folder',
    reports: [{ line: 29, column: 20, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('mindspore-version: 1.9', 'mindspore-version: "2.0"')),
    passing: run(edit('mindspore-version: 1.9', 'mindspore-version: "1.9"')),
    expect: (finding) => {
      assert.match(finding.message, /is `2\.0`, but the file is in the folder for MindSpore `1\.9`/);
      assert.match(
        finding.fix ?? '',
        /move the file to `mshub_res\/assets\/mindspore\/2\.0\/albert_mnli\.md`/,
      );
    },
  },
  {
    rule: 'update-time-format',
    when: 'the month is one digit (508 hub files)',
    reports: [{ line: 21, column: 14, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('update-time: 2022-10-11', 'update-time: 2023-2-17')),
    passing: run(edit('update-time: 2022-10-11', 'update-time: 2023-02-17')),
    expect: (finding) => assert.equal(finding.fix, 'Write `update-time: 2023-02-17`.'),
  },
  {
    rule: 'module-type-case',
    when: 'the module type has capitals (`audio-TTS`)',
    reports: [{ line: 9, column: 14, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('module-type: nlp', 'module-type: nlp-TTS')),
    passing: run(edit('module-type: nlp', 'module-type: nlp-tts')),
    expect: (finding) => assert.equal(finding.fix, 'Write `module-type: nlp-tts`.'),
  },
  {
    rule: 'backend-folder',
    when: 'a file in the gpu folder says it trains on ascend',
    reports: [{ line: 11, column: 16, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('module-type: nlp', 'module-type: nlp\n\ntrain-backend: ascend'), {
      path: 'mshub_res/assets/mindspore/gpu/1.9/albert_mnli.md',
    }),
    passing: run(edit('module-type: nlp', 'module-type: nlp\n\ntrain-backend: ascend/gpu'), {
      path: 'mshub_res/assets/mindspore/gpu/1.9/albert_mnli.md',
    }),
    expect: (finding) => assert.match(finding.fix ?? '', /Write `train-backend: ascend\/gpu`/),
  },
  {
    rule: 'file-extension',
    when: 'the file ends in .MD, which the hub skips',
    reports: [{ severity: 'error', origin: 'stricter' }],
    failing: run(CLEAN_TEXT, { path: 'mshub_res/assets/mindspore/1.9/albert_mnli.MD' }),
    passing: run(CLEAN_TEXT, { path: 'mshub_res/assets/mindspore/1.9/albert_mnli.md' }),
    expect: (finding) => assert.equal(finding.fix, 'Rename the file to `albert_mnli.md`.'),
  },
  {
    rule: 'wrong-character',
    when: 'a key is followed by a full-width colon',
    reports: [{ line: 5, column: 11, severity: 'error', origin: 'hub' }],
    failing: run(edit('model-name: albert', 'model-name：albert')),
    passing: run(edit('model-name: albert', 'model-name: albert')),
    expect: (finding) => assert.equal(finding.fix, 'Write the line as `model-name: albert`.'),
  },
  {
    rule: 'template-leftover',
    when: 'a `<required>` marker of the template is left',
    reports: [{ line: 19, severity: 'error', origin: 'stricter' }],
    failing: run(edit('author: MindSpore team', 'author: MindSpore team <required>')),
    passing: run(edit('author: MindSpore team', 'author: MindSpore team')),
  },
  {
    rule: 'duplicate-key',
    when: 'a top-level key is written twice',
    reports: [{ line: 39, column: 1, severity: 'error', origin: 'stricter' }],
    failing: run(edit('license: Apache2.0', 'license: Apache2.0\nlicense: MIT')),
    expect: (finding) => {
      assert.equal(finding.line, 39);
      assert.match(finding.message, /`license` is written twice, on lines 38 and 39/);
    },
  },
  {
    rule: 'duplicate-key',
    when: 'a missing `- ` merges two asset entries into one',
    reports: [{ line: 37, column: 5, severity: 'error', origin: 'stricter' }],
    failing: run(
      edit(
        'acc82.25.ckpt>\n    asset-sha256: ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a\n',
        `acc82.25.ckpt>\n    asset-sha256: ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a\n    file-format: mindir\n    asset-link: <https://download.mindspore.cn/models/r1.9/albert.mindir>\n    asset-sha256: ${'b'.repeat(64)}\n`,
      ),
    ),
    // The fix applied as it says: a line holding only `-` above line 37.
    passing: run(
      edit(
        'acc82.25.ckpt>\n    asset-sha256: ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a\n',
        `acc82.25.ckpt>\n    asset-sha256: ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a\n-\n    file-format: mindir\n    asset-link: <https://download.mindspore.cn/models/r1.9/albert.mindir>\n    asset-sha256: ${'b'.repeat(64)}\n`,
      ),
    ),
    expect: (finding) => {
      assert.equal(finding.line, 37);
      assert.match(finding.message, /Asset entry 1 has `file-format` twice, on lines 34 and 37/);
      assert.match(finding.fix ?? '', /above line 37, indented like the `-` on line 33/);
    },
  },
  {
    rule: 'used-for',
    when: 'a value is not one of the three',
    reports: [{ line: 27, column: 11, severity: 'error', origin: 'hub' }],
    failing: run(edit('used-for: inference', 'used-for: inference/training')),
  },
  {
    rule: 'backend',
    when: 'train-backend names an unknown device',
    reports: [{ line: 29, column: 16, severity: 'error', origin: 'stricter' }],
    failing: run(edit('used-for: inference', 'used-for: inference\n\ntrain-backend: gpu/tpu')),
    passing: run(edit('used-for: inference', 'used-for: inference\n\ntrain-backend: gpu/Ascend')),
  },
  {
    rule: 'train-dataset',
    when: 'the dataset is spelled differently from the hub list',
    reports: [{ line: 15, column: 16, severity: 'error', origin: 'hub' }],
    failing: run(edit('train-dataset: mnli', 'train-dataset: COCO2017')),
    passing: run(edit('train-dataset: mnli', 'train-dataset: coco2017')),
    expect: (finding) => {
      assert.match(finding.fix ?? '', /Write `train-dataset: coco2017`/);
      assert.ok(finding.edits, 'a spelling that differs only in case is fixed by `mshub-review fix`');
    },
  },
  {
    rule: 'train-dataset',
    when: 'the dataset has a typo',
    reports: [{ line: 15, column: 16, severity: 'error', origin: 'hub' }],
    failing: run(edit('train-dataset: mnli', 'train-dataset: coco2O17')),
    expect: (finding) => {
      assert.match(finding.fix ?? '', /Did you mean `coco2017`/);
      assert.equal(finding.edits, undefined, 'a guess is for the contributor to confirm, not to apply');
    },
  },
  {
    rule: 'train-dataset',
    when: 'the whole value is listed but the loader splits it at `_` (27 real files)',
    reports: [{ line: 15, column: 16, severity: 'error', origin: 'hub' }],
    failing: run(edit('train-dataset: mnli', 'train-dataset: AclImdb_v1')),
    // The fix applied as written.
    passing: run(edit('train-dataset: mnli', 'train-dataset: aclimdbv1')),
    expect: (finding) => {
      assert.match(
        finding.message,
        /splits `train-dataset` at every `_` and then does not know `AclImdb` and `v1`/,
      );
      assert.match(finding.fix ?? '', /Write `train-dataset: aclimdbv1`/);
    },
  },
  {
    rule: 'file-format',
    when: 'the format is not one the hub loads',
    reports: [{ line: 34, column: 18, severity: 'error', origin: 'hub' }],
    failing: run(edit('file-format: ckpt', 'file-format: pth')),
  },
  {
    rule: 'featured-image',
    when: 'the image is not in mshub_res/images/',
    reports: [{ line: 38, column: 17, severity: 'error', origin: 'hub' }],
    failing: run(edit('license: Apache2.0', 'featured-image: albert.png\n\nlicense: Apache2.0'), {
      hub: { images: new Set(['bert.png']), hubImages: new Set(['bert.png']) },
    }),
    passing: run(edit('license: Apache2.0', 'featured-image: albert.png\n\nlicense: Apache2.0'), {
      hub: { images: new Set(['albert.png']), hubImages: new Set(['albert.png']) },
    }),
  },
  {
    rule: 'featured-image',
    when: 'the image is in another images/ folder, where check.py does not look',
    reports: [{ line: 38, column: 17, severity: 'error', origin: 'hub' }],
    failing: run(edit('license: Apache2.0', 'featured-image: albert.png\n\nlicense: Apache2.0'), {
      hub: { images: new Set(['albert.png']), hubImages: new Set(['bert.png']) },
    }),
  },
  {
    rule: 'extra-colon',
    when: 'the summary contains a colon',
    reports: [{ line: 40, column: 10, severity: 'error', origin: 'hub' }],
    failing: run(edit('summary: albert is used for nlp', 'summary: "albert: used for nlp"')),
  },
  {
    rule: 'heading-colon',
    when: 'a heading ends with a colon',
    reports: [{ line: 44, severity: 'error', origin: 'hub' }],
    failing: run(edit('## Introduction', '## Introduction:')),
    passing: run(edit('## Introduction', '```\n## Introduction:\n```')),
  },
  {
    rule: 'evaluation-dash',
    when: 'evaluation is a bare dash',
    reports: [{ line: 17, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('evaluation: acc82.25', 'evaluation: -')),
  },
  {
    rule: 'cn-twin',
    when: 'the English twin is missing',
    reports: [{ severity: 'error', origin: 'hub' }],
    failing: run(CLEAN_TEXT, {
      path: 'mshub_res/assets/mindspore/1.9/albert_mnli_cn.md',
      hub: { assetPaths: new Set(['mshub_res/assets/mindspore/1.9/albert_mnli_cn.md']) },
    }),
    passing: run('# 中文\n---\n模型名称：albert\n---\n', {
      path: 'mshub_res/assets/mindspore/1.9/albert_mnli_cn.md',
      hub: { assetPaths: new Set([CLEAN_PATH, 'mshub_res/assets/mindspore/1.9/albert_mnli_cn.md']) },
    }),
  },
  {
    rule: 'asset-sha256-format',
    when: 'the digest is cut to 8 digits',
    reports: [{ line: 36, column: 19, severity: 'error', origin: 'stricter' }],
    failing: run(edit(/asset-sha256: \w+/, 'asset-sha256: 5104d1ea')),
    expect: (finding) => assert.match(finding.message, /has 8 hex digits/),
  },
  {
    rule: 'asset-sha256-format',
    when: 'the digest is all digits, which YAML reads as a number',
    reports: [{ line: 36, column: 19, severity: 'error', origin: 'stricter' }],
    failing: run(edit(/asset-sha256: \w+/, 'asset-sha256: 00012345')),
    expect: (finding) => assert.match(finding.message, /`00012345`/),
  },
  {
    rule: 'asset-sha256-format',
    when: 'the digest has upper-case letters',
    reports: [{ line: 36, column: 19, severity: 'error', origin: 'stricter' }],
    failing: run(
      edit(
        /asset-sha256: (\w+)/,
        'asset-sha256: EC4F2C5302B299D7751A60615A1D0F4316527146A6909C5D86B9AFA5720BCC7A',
      ),
    ),
    expect: (finding) =>
      assert.equal(
        finding.fix,
        'Write it in lower case: `asset-sha256: ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a`.',
      ),
  },
  {
    rule: 'link-format',
    when: 'asset-link uses http',
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: run(edit('<https://download.mindspore.cn/models', '<http://download.mindspore.cn/models')),
  },
  {
    rule: 'asset-host',
    when: "asset-link points to a host off the hub's list",
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: run(edit('https://download.mindspore.cn/models/r1.9/', 'https://files.example.org/'), {
      config: LISTED_HOSTS,
    }),
    // Without a list, any https host is accepted, as the hub's loader downloads from anywhere.
    passing: run(edit('https://download.mindspore.cn/models/r1.9/', 'https://files.example.org/')),
    expect: (finding) => {
      assert.match(finding.message, /not on this hub's list of download hosts \(download\.mindspore\.cn\)/);
      assert.match(
        finding.fix ?? '',
        /ask the hub maintainers to add `files\.example\.org` to `asset-hosts`/,
      );
    },
  },
  {
    rule: 'asset-host',
    when: 'asset-link names another port than https',
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: run(edit('https://download.mindspore.cn/models/r1.9/', 'https://files.example.org:22/models/')),
    passing: run(edit('https://download.mindspore.cn/models/r1.9/', 'https://files.example.org:443/models/')),
    expect: (finding) => {
      assert.match(finding.message, /names the port `22`/);
      assert.match(finding.fix ?? '', /write `asset-link: <https:\/\/files\.example\.org\/models\//);
    },
  },
  {
    rule: 'asset-extension',
    when: 'asset-link is an archive',
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: run(edit('acc82.25.ckpt>', 'acc82.25.zip>')),
  },
  {
    rule: 'repo-link',
    when: 'repo-link is not on GitHub, Gitee or GitCode',
    reports: [{ line: 23, column: 12, severity: 'error', origin: 'stricter' }],
    failing: run(
      edit('<https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>', 'https://gitlab.com/x/y'),
    ),
    passing: run(
      edit(
        '<https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>',
        'https://github.com/mindspore-lab/mindcv/blob/v0.5.0/configs/vgg',
      ),
    ),
  },
  {
    rule: 'repo-link',
    when: 'repo-link is on GitCode, where MindSpore repositories are moving (accepted)',
    reports: [{ line: 23, column: 12, severity: 'error', origin: 'hub' }],
    failing: run(
      edit('<https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>', 'https://gitcode.net/x/y'),
    ),
    passing: run(
      edit(
        '<https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>',
        'https://gitcode.com/mindspore/models/tree/master/research/nlp/albert',
      ),
    ),
  },
  {
    rule: 'repo-link',
    when: 'repo-link is empty',
    reports: [{ line: 23, column: 11, severity: 'error', origin: 'stricter' }],
    failing: run(
      edit('repo-link: <https://gitee.com/mindspore/models/tree/r1.9/research/nlp/albert>', 'repo-link:'),
    ),
  },
  {
    rule: 'required-field',
    when: 'an asset entry spells asset_sha256 as in the hub template (one finding, on its line, with the rename)',
    reports: [{ line: 36, column: 19, severity: 'error', origin: 'hub' }],
    failing: run(edit('asset-sha256:', 'asset_sha256:')),
    passing: run(CLEAN_TEXT),
    expect: (finding) => {
      assert.match(finding.fix ?? '', /Rename `asset_sha256` to `asset-sha256`/);
      assert.deepEqual(finding.edits?.[0]?.line, 36);
    },
  },
  {
    rule: 'required-field',
    when: 'repo-link is written repo_link (one finding, not an extra colon or an unknown key too)',
    reports: [{ line: 23, column: 1, severity: 'error', origin: 'hub' }],
    failing: run(edit('repo-link:', 'repo_link:')),
    passing: run(CLEAN_TEXT),
  },
  {
    rule: 'unknown-key',
    when: 'an optional key is misspelt (train_dataset)',
    reports: [{ line: 15, column: 1, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('train-dataset:', 'train_dataset:')),
    passing: run(CLEAN_TEXT),
    expect: (finding) => {
      assert.match(finding.fix ?? '', /Rename it to `train-dataset`/);
      assert.ok(finding.edits);
    },
  },
  {
    rule: 'folder-layout',
    when: 'the file sits in a folder without a version',
    reports: [{ severity: 'error', origin: 'stricter' }],
    failing: run(CLEAN_TEXT, { path: 'mshub_res/assets/mindspore/albert_mnli.md' }),
    passing: run(CLEAN_TEXT, { path: 'mshub_res/assets/mindspore/ascend/1.9/albert_mnli.md' }),
  },
  {
    rule: 'folder-layout',
    when: 'the publisher and version folders are swapped (2.5/wangwu)',
    reports: [{ severity: 'error', origin: 'stricter' }],
    failing: run(edit('mindspore-version: 1.9', 'mindspore-version: 2.5'), {
      path: 'mshub_res/assets/2.5/wangwu/albert_mnli.md',
    }),
    expect: (finding) =>
      assert.equal(
        finding.fix,
        'Move the file to `mshub_res/assets/wangwu/2.5/albert_mnli.md` (publisher folder, then the `mindspore-version` of the file).',
      ),
  },

  {
    rule: 'version-text',
    when: 'model-version is an unquoted 1.10',
    reports: [{ line: 13, column: 16, severity: 'warning', origin: 'stricter' }],
    failing: run(edit('model-version: 1.9', 'model-version: 1.10')),
    passing: run(edit('model-version: 1.9', 'model-version: "1.10"')),
    expect: (finding) => assert.equal(finding.fix, 'Quote it to keep the text: `model-version: "1.10"`.'),
  },
  {
    rule: 'duplicate-sha256',
    when: 'another model lists the same digest',
    reports: [
      { line: 36, column: 19, severity: 'warning', origin: 'stricter' },
      { line: 36, column: 19, severity: 'warning', origin: 'stricter' },
    ],
    failing: () =>
      validateAssetFiles(
        [
          { path: CLEAN_PATH, bytes: bytesOf(CLEAN_TEXT) },
          {
            path: 'mshub_res/assets/mindspore/1.9/gpt_mnli.md',
            bytes: bytesOf(
              replaceOnce(
                replaceOnce(CLEAN_TEXT, 'model-name: albert', 'model-name: gpt'),
                'tree/r1.9/research/nlp/albert>',
                'tree/r1.9/research/nlp/gpt>',
              ),
            ),
          },
        ],
        defaultRulesConfig(),
      ).flatMap((file) => file.findings),
    passing: () =>
      validateAssetFiles(
        [
          { path: CLEAN_PATH, bytes: bytesOf(CLEAN_TEXT) },
          {
            path: 'mshub_res/assets/mindspore/1.8/albert_mnli.md',
            bytes: bytesOf(replaceOnce(CLEAN_TEXT, 'mindspore-version: 1.9', 'mindspore-version: 1.8')),
          },
          // An evaluation variant of the same model (same source folder) shares its checkpoint.
          {
            path: 'mshub_res/assets/mindspore/1.9/albertfp16_mnli.md',
            bytes: bytesOf(replaceOnce(CLEAN_TEXT, 'model-name: albert', 'model-name: bert_fp16_eval')),
          },
        ],
        defaultRulesConfig(),
      ).flatMap((file) => file.findings),
  },
  {
    rule: 'asset-digest-mismatch',
    when: 'the downloaded file has another digest',
    reports: [{ line: 36, column: 19, severity: 'error', origin: 'stricter' }],
    failing: reviewWith({ ok: true, sha256: OTHER_SHA, bytes: 1234 }),
    passing: reviewWith({ ok: true, sha256: CLEAN_SHA, bytes: 1234 }),
    expect: (finding) => {
      assert.equal(finding.line, 36);
      assert.match(finding.message, /\(1234 bytes\) has SHA-256 `abab/);
      assert.match(finding.message, /`asset-sha256` is `ec4f2c53/);
    },
  },
  {
    rule: 'asset-digest-mismatch',
    when: 'asset-sha256 is the first 8 digits of the real digest',
    reports: [{ line: 36, column: 19, severity: 'error', origin: 'stricter' }],
    failing: reviewWith({ ok: true, sha256: CLEAN_SHA, bytes: 1 }, edit(CLEAN_SHA, 'ec4f2c53')),
    expect: (finding) => assert.equal(finding.fix, `Use the full digest: \`asset-sha256: ${CLEAN_SHA}\`.`),
  },
  {
    rule: 'asset-unreachable',
    when: 'the link answers 404',
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: reviewWith({ ok: false, kind: 'unreachable', reason: 'the server answered HTTP 404' }),
    expect: (finding) => assert.equal(finding.line, 35),
  },
  {
    rule: 'asset-unreachable',
    when: 'the host name does not resolve (a wrong name, or no network here)',
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: reviewWith({
      ok: false,
      kind: 'unresolved',
      reason: 'the name download.mindspore.cn could not be resolved (ENOTFOUND)',
    }),
    expect: (finding) => {
      assert.match(finding.message, /could not be reached from here/);
      assert.match(finding.message, /or this machine has no network/);
      assert.match(
        finding.fix ?? '',
        /^Check the host name in the link\. If it is right, check again where there is a network/,
      );
    },
  },
  {
    rule: 'asset-too-large',
    when: 'the asset is over the limit',
    reports: [{ line: 35, column: 17, severity: 'error', origin: 'stricter' }],
    failing: reviewWith({
      ok: false,
      kind: 'too-large',
      reason: 'the asset is 6000000000 bytes; the limit is 5368709120',
    }),
  },
  {
    rule: 'asset-download-failed',
    when: 'the host keeps failing',
    reports: [{ line: 35, column: 17, severity: 'warning', origin: 'stricter' }],
    failing: reviewWith({ ok: false, kind: 'failed', reason: 'the server answered HTTP 503' }),
    expect: (finding) => {
      assert.equal(finding.severity, 'warning');
      // On a pull request the bot checks again when asked to (the CLI says to run it again).
      assert.match(finding.fix ?? '', /^This is often temporary\. Comment `\/recheck` to try again/);
    },
  },
  {
    rule: 'source-repo',
    when: 'the linked repository does not exist',
    reports: [{ line: 23, column: 12, severity: 'error', origin: 'stricter' }],
    failing: checkRepoWith({
      ok: false,
      kind: 'repo',
      reason: 'the repository does not exist or is private',
    }),
    passing: checkRepoWith({
      ok: true,
      definesCreateNetwork: true,
      url: 'https://gitee.com/mindspore/models',
    }),
    expect: (finding) => assert.equal(finding.line, 23),
  },
  {
    rule: 'hub-conf-missing',
    when: 'the linked folder has no mindspore_hub_conf.py',
    reports: [{ line: 23, column: 12, severity: 'error', origin: 'stricter' }],
    failing: checkRepoWith({
      ok: false,
      kind: 'file',
      reason: 'research/nlp/albert/mindspore_hub_conf.py does not exist',
    }),
    expect: (finding) =>
      assert.match(finding.message, /`mindspore\/models` at `r1\.9`, folder `research\/nlp\/albert`\./),
  },
  {
    rule: 'hub-conf-create-network',
    when: 'mindspore_hub_conf.py has no create_network',
    reports: [{ line: 23, column: 12, severity: 'error', origin: 'stricter' }],
    failing: checkRepoWith({
      ok: true,
      definesCreateNetwork: false,
      url: 'https://gitee.com/mindspore/models',
    }),
  },
  {
    rule: 'source-repo-unchecked',
    when: 'the host rate-limits the check',
    reports: [{ line: 23, column: 12, severity: 'notice', origin: 'stricter' }],
    failing: checkRepoWith({ ok: false, kind: 'unchecked', reason: 'the Gitee API rate limit is reached' }),
    expect: (finding) => assert.equal(finding.severity, 'notice'),
  },
  {
    rule: 'review-truncated',
    when: 'a pull request changes more files than one review covers',
    reports: [{ severity: 'notice', origin: 'stricter' }],
    failing: async () => {
      const files = Object.fromEntries(
        Array.from({ length: MAX_FILES_PER_REVIEW + 1 }, (_, index) => [
          `mshub_res/assets/mindspore/1.9/m${index}.md`,
          CLEAN_TEXT,
        ]),
      );
      const platform = new FakePlatform(files);
      await runReviewJob(REVIEW_REQUEST, {
        source: platform,
        reporter: platform,
        adapters: {},
        control: control(),
      });
      return platform.events.at(-1)?.report?.files.flatMap((file) => file.findings) ?? [];
    },
  },
  {
    rule: 'unsafe-path',
    when: 'the platform names a changed file with a `..` segment',
    reports: [{ severity: 'error', origin: 'stricter' }],
    failing: async () => {
      const platform = new FakePlatform({ [CLEAN_PATH]: CLEAN_TEXT }, undefined, [
        'mshub_res/assets/../../x.md',
      ]);
      await runReviewJob(REVIEW_REQUEST, {
        source: platform,
        reporter: platform,
        adapters: {},
        control: control(),
      });
      return platform.events.at(-1)?.report?.files.flatMap((file) => file.findings) ?? [];
    },
  },
];

describe('the rules engine', () => {
  it('finds nothing in a clean real file', () => {
    assert.deepEqual(check(CLEAN_TEXT), []);
  });

  it('has a failing fixture for every rule in the catalog', () => {
    const covered = new Set(CASES.map((testCase) => testCase.rule));
    assert.deepEqual(
      RULES.map((rule) => rule.id).filter((id) => !covered.has(id)),
      [],
    );
  });

  for (const testCase of CASES) {
    describe(testCase.rule, () => {
      it(`reports ${testCase.rule} when ${testCase.when}`, async () => {
        const findings = await testCase.failing();
        const matching = findings.filter((finding) => finding.rule === testCase.rule);
        assert.ok(matching.length > 0, `expected ${testCase.rule}, got ${JSON.stringify(findings, null, 1)}`);
        assert.deepEqual(
          matching.map((finding) => ({
            ...(finding.line === undefined ? {} : { line: finding.line }),
            ...(finding.column === undefined ? {} : { column: finding.column }),
            severity: finding.severity,
            origin: finding.origin,
          })),
          testCase.reports,
        );
        for (const finding of matching) {
          assert.ok(finding.message.length > 20, 'the message says what is wrong');
          testCase.expect?.(finding);
        }
      });
      if (testCase.passing) {
        const passing = testCase.passing;
        it(`passes the corrected file (${testCase.rule})`, async () => {
          assert.deepEqual(rulesOf(await passing()), []);
        });
      }
    });
  }
});

describe('asset-host, on an http link', () => {
  const httpLink = edit('https://download.mindspore.cn/models/r1.9/', 'http://files.example.org/');

  it("says at once that the https link would still be off the hub's list, so the https fix meets no new error", () => {
    const findings = check(httpLink, { config: LISTED_HOSTS });
    assert.deepEqual(rulesOf(findings), ['asset-host', 'link-format']);
    const upgraded = replaceOnce(httpLink, 'http://files.example.org/', 'https://files.example.org/');
    assert.deepEqual(rulesOf(check(upgraded, { config: LISTED_HOSTS })), ['asset-host']);
  });

  it('offers the https link alone where any host is accepted, and the fixed file passes', () => {
    const findings = check(httpLink);
    assert.deepEqual(rulesOf(findings), ['link-format']);
    const fixed = applyFix({ text: httpLink, path: CLEAN_PATH }, findings[0] as Finding);
    assert.ok(fixed);
    assert.deepEqual(rulesOf(check(fixed.text)), []);
  });
});

describe('heading-colon', () => {
  const lines = (text: string) =>
    check(text)
      .filter((finding) => finding.rule === 'heading-colon')
      .map((finding) => finding.line);

  it('finds the heading on the first line of the file, before the front matter', () => {
    assert.deepEqual(lines(`# Title:\n${CLEAN_TEXT}`), [1]);
  });

  it('finds headings in a file with CRLF line ends, an ATX one and a setext one', () => {
    const text = `${CLEAN_TEXT}\n## Usage:\n\nSection:\n===\n`.replaceAll('\n', '\r\n');
    const lineOf = (written: string) => text.split('\r\n').indexOf(written) + 1;
    assert.deepEqual(lines(text), [lineOf('## Usage:'), lineOf('Section:')]);
  });

  it('takes a line after a lone carriage return for a heading, as the hub reads it, but not one after U+2028', () => {
    // check.py reads with Python's universal newlines: a lone \r ends a line; U+2028 does not.
    assert.deepEqual(lines(`${CLEAN_TEXT}\ntext\r# a heading:\n`), [65]);
    assert.deepEqual(lines(`${CLEAN_TEXT}\ntext\u2028# not this:\n`), []);
  });
});

describe('every concrete fix, applied as written', () => {
  const applied = new Set<string>();
  for (const testCase of CASES) {
    const file = (testCase.failing as { file?: CaseFile }).file;
    if (!file || typeof file.text !== 'string') continue;
    const source = { text: file.text, path: file.path };
    it(`removes the ${testCase.rule} finding and adds no error (${testCase.when})`, () => {
      const before = check(source.text, { path: source.path, config: file.config });
      for (const finding of before.filter((item) => item.rule === testCase.rule)) {
        const fixed = applyFix(source, finding);
        if (!fixed) continue;
        applied.add(testCase.rule);
        const after = check(fixed.text, { path: fixed.path, config: file.config });
        assert.ok(
          !after.some(
            (item) =>
              item.rule === finding.rule && item.line === finding.line && item.message === finding.message,
          ),
          `the fix ${JSON.stringify(finding.fix)} left its finding`,
        );
        const errorsBefore = new Set(
          before.filter((item) => item.severity === 'error').map((item) => item.rule),
        );
        const newErrors = after.filter((item) => item.severity === 'error' && !errorsBefore.has(item.rule));
        assert.deepEqual(newErrors, [], `the fix ${JSON.stringify(finding.fix)} brought new errors`);
      }
    });
  }
  it('applies a concrete fix for each rule whose fix names the corrected text', () => {
    assert.deepEqual(
      [
        'asset-host',
        'asset-sha256-format',
        'file-extension',
        'folder-layout',
        'link-format',
        'module-type-case',
        'train-dataset',
        'update-time-format',
        'version-folder',
        'version-format',
        'version-text',
        'wrong-character',
      ].filter((rule) => !applied.has(rule)),
      [],
    );
  });
});

describe('every edit, applied by mshub-review fix', () => {
  const fixedRules = new Set<string>();
  for (const testCase of CASES) {
    const file = (testCase.failing as { file?: CaseFile }).file;
    if (!file || typeof file.text !== 'string') continue;
    const { text, path } = file as { text: string; path: string };
    it(`fixes ${testCase.rule} without a new error, and has nothing left to do after (${testCase.when})`, () => {
      const config = { ...defaultRulesConfig(), ...file.config };
      const outcome = fixAssetFile(path, text, config);
      for (const finding of outcome.fixed) fixedRules.add(finding.rule);
      const errorsBefore = new Set(
        check(text, { path, config: file.config })
          .filter((item) => item.severity === 'error')
          .map((item) => item.rule),
      );
      const after = outcome.result.findings;
      assert.deepEqual(
        after.filter((item) => item.severity === 'error' && !errorsBefore.has(item.rule)),
        [],
      );
      assert.deepEqual(
        after.filter((item) => item.edits),
        [],
        'a fixable finding is left after fix',
      );
      assert.equal(
        fixAssetFile(path, outcome.text, config).text,
        outcome.text,
        'a second run changed the file',
      );
    });
  }
  it('fixes each rule that knows its corrected line on its own', () => {
    assert.deepEqual(
      [
        'asset-sha256-format',
        'heading-colon',
        'link-format',
        'module-type-case',
        'template-leftover',
        'train-dataset',
        'unknown-key',
        'update-time-format',
        'version-format',
        'version-text',
        'wrong-character',
      ].filter((rule) => !fixedRules.has(rule)),
      [],
    );
  });
});

describeUnless(hubValidatorMissing() ?? false, "each rule case, against the hub's own validator", () => {
  it('finds a reason of the hub (origin hub) in exactly the files the hub validator rejects, and every hub rule gives one', () => {
    const files = CASES.flatMap((testCase, index) => {
      const file = (testCase.failing as { file?: { text: string | Uint8Array; path: string } }).file;
      if (!file) return [];
      const slash = file.path.lastIndexOf('/');
      // Each case in a file of its own; the prefix keeps a name's last letters, which the hub reads (`cn.md`).
      const path = `${file.path.slice(0, slash + 1)}case${index}_${file.path.slice(slash + 1)}`;
      return [{ testCase, path, text: file.text }];
    });
    const verdicts = runHubValidator(files);
    // What the validator's run sees: these files, and no image.
    const hub = { assetPaths: new Set(files.map((file) => file.path)), hubImages: new Set<string>() };
    const disagree: string[] = [];
    const hubRulesShown = new Set<string>();
    for (const { testCase, path, text } of files) {
      const findings = check(text, { path, hub });
      const ours = findings.some((finding) => finding.origin === 'hub');
      const rejects = verdicts.get(path)?.rejects;
      if (ours !== rejects)
        disagree.push(
          `${testCase.rule} (${testCase.when}): the hub ${rejects ? 'rejects' : 'accepts'} it (${verdicts.get(path)?.reason.slice(0, 80)}), mshub-review says ${ours ? 'it rejects' : 'it accepts'}`,
        );
      if (rejects && findings.some((finding) => finding.rule === testCase.rule && finding.origin === 'hub'))
        hubRulesShown.add(testCase.rule);
    }
    assert.deepEqual(disagree, []);
    const hubRules = RULES.filter((rule) => rule.origin === 'hub').map((rule) => rule.id);
    assert.deepEqual(
      hubRules.filter((rule) => !hubRulesShown.has(rule)),
      [],
      'a rule marked hub with no case the hub validator rejects for it',
    );
  });
});
