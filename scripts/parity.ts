import { parseArgs } from 'node:util';
import {
  acceptedSeedFiles,
  compareWithHubValidator,
  describeCase,
  hubValidatorMissing,
} from '../test/helpers/hub-parity.js';
import { pyyamlMissing } from '../test/helpers/pyyaml-oracle.js';
import { compareReaderWithPyYaml } from '../test/helpers/reader-parity.js';

/**
 * `npm run parity -- --documents 50000 --files 6000 --seed 7`: the reader against PyYAML itself on
 * generated documents, and mshub-review against the hub's own validator on real hub files (the
 * whole corpus when it is beside the checkout) each changed by one contributor slip, then fixed
 * with `fix`. The tests in `npm test` run smaller sets with one seed. Prints every difference;
 * exits 1 when there is one, 2 when python3, PyYAML or the hub validator is missing.
 */
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '50000' },
    files: { type: 'string', default: '6000' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
  },
});
const missing = pyyamlMissing();
if (missing) {
  console.error(`parity: cannot run: ${missing}`);
  process.exit(2);
}
const seed = Number(values.seed);
const reader = await compareReaderWithPyYaml(seed, Number(values.documents));
for (const difference of reader.differences.slice(0, 20))
  console.log(`reader, seed ${seed}, document ${difference.index}:\n${JSON.stringify(difference, null, 2)}`);
console.log(
  `reader: ${reader.documents} documents (seed ${seed}): ${reader.values} values and ${reader.errors} errors compared, ${reader.differences.length} differ from PyYAML`,
);

const validatorMissing = hubValidatorMissing();
if (validatorMissing) {
  console.error(`parity: cannot compare with the hub validator: ${validatorMissing}`);
  process.exit(2);
}
const hub = compareWithHubValidator(acceptedSeedFiles({ corpus: true }), Number(values.files), seed);
const rejected = hub.cases.filter((item) => item.hubRejects).length;
const kinds = new Set(hub.cases.map((item) => item.kind)).size;
for (const [name, cases] of [
  ['the hub rejects, mshub-review reports no error', hub.missed],
  ['the hub accepts, mshub-review names a reason of the hub', hub.overHub],
  ['a one-line slip reported first on another line', hub.otherLine],
  ['after fix, called clean but rejected, or broken', hub.fixWorse],
] as const)
  for (const item of cases.slice(0, 10)) console.log(`${name}: ${describeCase(item)}`);
console.log(
  `hub validator: ${hub.cases.length} files (${kinds} kinds of slip, seed ${seed}), ${rejected} rejected by the hub: ` +
    `${hub.missed.length} passed by mshub-review, ${hub.overHub.length} of ${hub.cases.length - rejected} accepted ones given a hub error, ` +
    `${hub.otherLine.length} of ${hub.oneLine.length} one-line slips reported first on another line, ${hub.fixWorse.length} made worse or left rejected by fix`,
);
const hubDiffers =
  hub.missed.length + hub.overHub.length + hub.fixWorse.length > 0 ||
  hub.otherLine.length > hub.oneLine.length / 100;
process.exitCode = reader.differences.length > 0 || hubDiffers ? 1 : 0;
