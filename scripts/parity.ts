import { parseArgs } from 'node:util';
import { pyyamlMissing } from '../test/helpers/pyyaml-oracle.js';
import { compareReaderWithPyYaml } from '../test/helpers/reader-parity.js';

/**
 * `npm run parity -- --documents 50000 --seed 7`: the reader against PyYAML itself on generated
 * documents (the test in `npm test` runs 10,000 with one seed). Prints every difference with its
 * seed and index; exits 1 when there is one, 2 when python3 or PyYAML is missing.
 */
const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '50000' },
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
process.exitCode = reader.differences.length > 0 ? 1 : 0;
