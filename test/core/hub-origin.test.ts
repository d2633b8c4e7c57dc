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
