import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  PyDate,
  type PyDict,
  PyOpaque,
  PyTuple,
  type PyValue,
  pythonFloatRepr,
} from '../../src/core/parse/pyyaml/py-values.js';
import { PyYamlError } from '../../src/core/parse/pyyaml/pyyaml-error.js';
import { requireWhereDemanded } from './suite.js';

const ORACLE = fileURLToPath(new URL('../../scripts/pyyaml/pyyaml-oracle.py', import.meta.url));

export type Tagged = { t: string; v?: unknown };

export interface OracleError {
  type: string;
  context?: string | null;
  contextMark?: { line: number; column: number } | null;
  problem?: string | null;
  problemMark?: { line: number; column: number } | null;
  position?: number;
}

export type OracleVerdict = { ok: true; value: Tagged } | { ok: false; error: OracleError };
export type OracleResult = OracleVerdict & { id: number };

/** Why the PyYAML oracle cannot run here, or undefined when it can. */
export function pyyamlMissing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import yaml; print(yaml.__version__)'], { encoding: 'utf8' });
  if (probe.error) return 'python3 is not installed (CI installs it; `apt-get install python3 python3-yaml`)';
  if (probe.status !== 0) return 'PyYAML is not installed for python3 (`apt-get install python3-yaml`)';
  return undefined;
}

requireWhereDemanded('python', pyyamlMissing() ?? false);

/** Every text through PyYAML's `yaml.load(..., Loader=yaml.FullLoader)`, in one python3 process. */
export function runOracle(texts: readonly string[]): Promise<OracleResult[]> {
  return runPythonOracle<OracleResult>([ORACLE], texts);
}

/** Every text through a python3 script that reads and writes JSON lines `{ id, text }`, in one process. */
export async function runPythonOracle<T>(argv: readonly string[], texts: readonly string[]): Promise<T[]> {
  const child = spawn('python3', [...argv], { stdio: ['pipe', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`the PyYAML oracle exited with ${code}`)),
    );
  });
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join('\n');
  child.stdin.end(`${input}\n`);
  await done;
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The value in the oracle's tagged form. */
export function tagged(value: PyValue, depth = 0, seen = new Set<object>()): Tagged {
  if (depth > 50) return { t: 'deep' };
  if (value === null) return { t: 'null' };
  if (typeof value === 'boolean') return { t: 'bool', v: value };
  if (typeof value === 'bigint') return { t: 'int', v: value.toString() };
  if (typeof value === 'number') return { t: 'float', v: pythonFloatRepr(value) };
  if (typeof value === 'string') return { t: 'str', v: value };
  if (value instanceof Uint8Array) return { t: 'bytes', v: Buffer.from(value).toString('hex') };
  if (value instanceof PyDate) return { t: 'date', v: value.python };
  if (value instanceof PyTuple)
    return { t: 'tuple', v: value.items.map((item) => tagged(item, depth + 1, seen)) };
  if (value instanceof PyOpaque) return { t: 'other', v: value.type };
  if (seen.has(value)) return { t: 'deep' };
  const inner = new Set(seen).add(value);
  if (Array.isArray(value)) return { t: 'list', v: value.map((item) => tagged(item, depth + 1, inner)) };
  const dict = value as PyDict;
  return {
    t: 'dict',
    v: dict.keys.map((key, index) => [
      tagged(key, depth + 1, inner),
      tagged(dict.values[index] ?? null, depth + 1, inner),
    ]),
  };
}

/** What the port gives for a text, in the oracle's form. */
export function portResult(load: (text: string) => PyValue, text: string): OracleVerdict {
  try {
    return { ok: true, value: tagged(load(text)) };
  } catch (error) {
    if (!(error instanceof PyYamlError)) throw error;
    if (error.stage === 'reader')
      return { ok: false, error: { type: 'ReaderError', position: error.problemMark?.index ?? -1 } };
    if (error.pythonException) return { ok: false, error: { type: error.pythonException } };
    const type = {
      scanner: 'ScannerError',
      parser: 'ParserError',
      composer: 'ComposerError',
      constructor: 'ConstructorError',
    }[error.stage];
    const mark = (m: { line: number; column: number } | undefined) =>
      m ? { line: m.line, column: m.column } : null;
    return {
      ok: false,
      error: {
        type,
        context: error.context ?? null,
        contextMark: mark(error.contextMark),
        problem: error.problem,
        problemMark: mark(error.problemMark),
      },
    };
  }
}
