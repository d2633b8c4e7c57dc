import { benchValidateCorpus } from './validate-corpus.js';

/** `npm run bench`: speed and memory targets live here, not in the tests. */
const corpus = benchValidateCorpus();
console.log(`${corpus.name}: ${corpus.files} files`);
console.log(`  runs (ms): ${corpus.runsMs.map((ms) => ms.toFixed(0)).join(', ')}`);
console.log(
  `  best ${Math.min(...corpus.runsMs).toFixed(0)} ms, median ${corpus.medianMs.toFixed(0)} ms, target ${corpus.targetMs} ms (a tenth of the hub's Python validator): ${corpus.medianMs <= corpus.targetMs ? 'met' : 'NOT met'}`,
);
