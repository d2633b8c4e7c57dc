import { isDeepStrictEqual } from 'node:util';
import { loadPyYaml } from './src/core/parse/pyyaml/construct.js';
import { portResult, runOracle } from './test/helpers/pyyaml-oracle.js';
import { generateYamlDocuments } from './test/helpers/yaml-documents.js';
const seed = Number(process.argv[2] ?? 1);
const texts = generateYamlDocuments(seed, Number(process.argv[3] ?? 5000));
let t = Date.now();
const oracle = await runOracle(texts);
console.log('oracle ms', Date.now() - t); t = Date.now();
let bad = 0; let errors = 0;
const kinds = new Map<string, number>();
texts.forEach((text, i) => {
  const { id, ...expected } = oracle[i] as any;
  if (!expected.ok) errors++;
  let actual;
  try { actual = portResult(loadPyYaml, text); } catch (e) { actual = { crash: String(e) }; }
  if (!isDeepStrictEqual(actual, expected)) {
    bad++;
    const k = expected.ok ? 'value' : expected.error.type + ':' + (expected.error.problem ?? '');
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
    if (bad <= 6) console.log(JSON.stringify(text), '\n  py:', JSON.stringify(expected), '\n  js:', JSON.stringify(actual));
  }
});
console.log('port ms', Date.now() - t, 'bad', bad, 'errors', errors, 'of', texts.length, [...kinds]);
