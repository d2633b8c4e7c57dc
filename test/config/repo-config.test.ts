import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRepoConfig } from '../../src/config/repo-config.js';
import { isMshubError } from '../../src/core/errors.js';
import { CLEAN_TEXT, check, replaceOnce, rulesOf } from '../helpers/fixtures.js';

describe('.github/mshub-review.yml', () => {
  it('uses the defaults for an empty file', () => {
    const config = parseRepoConfig('');
    assert.deepEqual(config.paths, ['mshub_res/assets']);
    assert.ok(config.rules.datasets.has('imagenet2012'));
    // No list of download hosts: any https host is accepted, as the hub's loader downloads from anywhere.
    assert.equal(config.rules.assetHosts, undefined);
  });

  it('adds datasets to the hub list and replaces the asset hosts', () => {
    const config = parseRepoConfig('datasets: [MyCorpus]\nasset-hosts: ["*.example.org"]\n');
    const text = replaceOnce(
      replaceOnce(CLEAN_TEXT, 'train-dataset: mnli', 'train-dataset: MyCorpus'),
      'https://download.mindspore.cn/models/r1.9/',
      'https://cdn.example.org/',
    );
    assert.deepEqual(rulesOf(check(text, { config: config.rules })), []);
    assert.deepEqual(rulesOf(check(CLEAN_TEXT, { config: config.rules })), ['asset-host']);
  });

  it('keeps the command contributors run, and leaves it unset by default', () => {
    assert.equal(
      parseRepoConfig('command: node tools/mshub-review.mjs\n').command,
      'node tools/mshub-review.mjs',
    );
    assert.equal(parseRepoConfig('').command, undefined);
  });

  it("keeps the language of the bot's comment, and leaves it to the platform by default", () => {
    assert.equal(parseRepoConfig('language: zh+en\n').language, 'zh+en');
    assert.equal(parseRepoConfig('').language, undefined);
  });

  it('turns a rule off or changes its severity', () => {
    const config = parseRepoConfig('rules:\n  version-text: "off"\n  module-type: warning\n');
    const text = replaceOnce(
      replaceOnce(CLEAN_TEXT, 'model-version: 1.9', 'model-version: 1.10'),
      'module-type: nlp',
      'module-type: xyz',
    );
    const findings = check(text, { config: config.rules });
    assert.deepEqual(
      findings.map((finding) => [finding.rule, finding.severity]),
      [['module-type', 'warning']],
    );
  });

  for (const [name, text, pattern] of [
    ['an unknown setting', 'colour: red\n', /must NOT have additional properties \(colour\)/],
    [
      'an unknown severity',
      'rules:\n  module-type: fatal\n',
      /rules\.module-type must be equal to one of the allowed values/,
    ],
    ['a host with a path', 'asset-hosts: ["example.org/x"]\n', /asset-hosts\.0 must match pattern/],
    ['invalid YAML', 'rules: [\n', /is not valid YAML/],
    [
      'a language the bot does not write',
      'language: fr\n',
      /language must be equal to one of the allowed values/,
    ],
    ['a command a shell would expand', 'command: node x.mjs; rm -rf ~\n', /command must match pattern/],
    ['a command that would break out of a code span', 'command: "node `x`"\n', /command must match pattern/],
  ] as const) {
    it(`rejects ${name} with a message that says what to change`, () => {
      assert.throws(
        () => parseRepoConfig(text),
        (error: unknown) => isMshubError(error, 'CONFIG_INVALID') && pattern.test(error.message),
      );
    });
  }
});
