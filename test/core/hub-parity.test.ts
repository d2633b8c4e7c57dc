import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SLIP_KINDS } from '../helpers/contributor-slips.js';
import {
  acceptedSeedFiles,
  compareWithHubValidator,
  describeCase,
  type HubParity,
  hubValidatorMissing,
  type ParityCase,
} from '../helpers/hub-parity.js';

const SKIP = hubValidatorMissing() ?? false;

function listed(cases: readonly ParityCase[]): string {
  return cases
    .slice(0, 5)
    .map((item) => `  ${describeCase(item)}`)
    .join('\n');
}

describe('mshub-review against the hub validator, on real files changed by contributor slips', {
  skip: SKIP,
}, () => {
  let parity: HubParity;
  it('checks 600 slips of every kind with the hub validator and with mshub-review', () => {
    parity = compareWithHubValidator(acceptedSeedFiles({ corpus: false }), 600, 20261207);
    const kinds = new Set(parity.cases.map((item) => item.kind));
    assert.ok(kinds.size >= 25, `only ${kinds.size} kinds of slip were made`);
    assert.ok(kinds.size === SLIP_KINDS.length || parity.cases.length === 600);
    assert.ok(parity.cases.filter((item) => item.hubRejects).length >= 200);
  });

  it('reports an error in every file the hub rejects', () => {
    assert.equal(parity.missed.length, 0, `the hub rejects, mshub-review passes:\n${listed(parity.missed)}`);
  });

  it('names no reason of the hub in a file the hub accepts', () => {
    assert.equal(
      parity.overHub.length,
      0,
      `the hub accepts, mshub-review says it does not:\n${listed(parity.overHub)}`,
    );
  });

  it('reports a one-line slip first on its own line (at most 1 % elsewhere)', () => {
    assert.ok(parity.oneLine.length >= 200);
    assert.ok(
      parity.otherLine.length <= parity.oneLine.length / 100,
      `${parity.otherLine.length} of ${parity.oneLine.length} one-line slips are reported first on another line:\n${listed(parity.otherLine)}`,
    );
  });

  it('never leaves a file the hub rejects after `fix` that it calls clean, nor breaks one the hub accepted', () => {
    assert.equal(parity.fixWorse.length, 0, `after fix:\n${listed(parity.fixWorse)}`);
  });
});
