import { isDeepStrictEqual } from 'node:util';
import { loadPyYaml } from '../../src/core/parse/pyyaml/construct.js';
import { type OracleResult, type OracleVerdict, portResult, runOracle } from './pyyaml-oracle.js';
import { generateYamlDocuments } from './yaml-documents.js';

export interface ReaderDifference {
  index: number;
  text: string;
  pyyaml: OracleVerdict;
  port: OracleVerdict;
}

export interface ReaderParity {
  documents: number;
  /** Documents PyYAML read without an error. */
  values: number;
  /** Documents PyYAML refused (each compared by its error's kind, words, line and column). */
  errors: number;
  differences: ReaderDifference[];
}

/**
 * Generated documents read by PyYAML (`yaml.load`, FullLoader) and by the port: values compared
 * type for type, errors by their kind, context, problem, line and column.
 */
export async function compareReaderWithPyYaml(seed: number, count: number): Promise<ReaderParity> {
  const texts = generateYamlDocuments(seed, count);
  const oracle = await runOracle(texts);
  const parity: ReaderParity = { documents: texts.length, values: 0, errors: 0, differences: [] };
  for (let index = 0; index < texts.length; index++) {
    const { id: _id, ...pyyaml } = oracle[index] as OracleResult;
    if (pyyaml.ok) parity.values++;
    else parity.errors++;
    const text = texts[index] as string;
    const port = portResult(loadPyYaml, text);
    if (!isDeepStrictEqual(port, pyyaml)) parity.differences.push({ index, text, pyyaml, port });
  }
  return parity;
}
