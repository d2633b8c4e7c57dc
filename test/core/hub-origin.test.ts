import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLEAN_TEXT, check, replaceOnce } from '../helpers/fixtures.js';

describe('hub-validator findings', () => {
  it('still names an empty field the hub cannot read when required-field is turned off', () => {
    const text = replaceOnce(CLEAN_TEXT, 'used-for: inference', 'used-for:');
    const findings = check(text, { config: { severities: { 'required-field': 'off' } } });
    const hub = findings.filter((finding) => finding.rule === 'hub-validator');
    assert.equal(hub.length, 1);
    assert.equal(hub[0]?.severity, 'error');
    assert.equal(hub[0]?.origin, 'hub');
    assert.match(hub[0]?.message ?? '', /^`used-for` has no value\./);
    assert.equal(hub[0]?.fix, 'Write a value, for example `used-for: inference`.');
  });
});

describe('hub-validator findings for a field no rule names', () => {
  it("quotes the hub's reason and names the field to fix", () => {
    const text = replaceOnce(CLEAN_TEXT, 'train-dataset: mnli', 'train-dataset: imagenet1k');
    const findings = check(text, { config: { severities: { 'train-dataset': 'off' } } });
    const hub = findings.filter((finding) => finding.rule === 'hub-validator');
    assert.equal(hub.length, 1);
    assert.equal(hub[0]?.origin, 'hub');
    assert.match(hub[0]?.message ?? '', /rejects this file: `train_dataset ''imagenet1k'' is not valid`\.$/);
    assert.equal(
      hub[0]?.fix,
      'Give `train-dataset` a value of the kind mshub_res/examples/commit_example.md shows.',
    );
  });
});
