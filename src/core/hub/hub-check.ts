import { ruleValue } from '../parse/front-matter-values.js';
import { loadPyYaml } from '../parse/pyyaml/construct.js';
import { PyYamlError } from '../parse/pyyaml/pyyaml-error.js';
import { type FrontMatterLayout, scanKeyLines } from '../parse/scan-key-lines.js';
import {
  COLON_ALLOWED_FIELDS,
  FILE_FORMATS,
  MODULE_TYPE_FAMILIES,
  REQUIRED_FIELDS,
  USED_FOR_VALUES,
} from '../rules/fields.js';
import { type ColonHeading, colonHeadings } from './colon-headings.js';
import { type HubLine, type HubReading, hubCheckedPath, markdownLinesOf, readAsHub } from './hub-reading.js';
import { getRepoInfoFromUrl, requestAccepts, stripAngles } from './python-semantics.js';

/**
 * What the hub's own validator (`check.py`'s `check_markdown_file`, which `mindspore_hub.load()`
 * runs too) does with a file, step by step, on the values Python would hold. The hub stops at the
 * first failure; this goes on where a later check does not depend on the one that failed, so every
 * problem that blocks loading is known, the first being the one the hub names.
 */
export type HubCheck =
  | 'unreadable'
  | 'cn-twin'
  | 'fences'
  | 'yaml'
  | 'empty-header'
  | 'not-a-mapping'
  | 'required-field'
  | 'fine-tunable'
  | 'repo-link'
  | 'train-dataset'
  | 'used-for'
  | 'module-type'
  | 'asset'
  | 'asset-link'
  | 'file-format'
  | 'featured-image'
  | 'accuracy'
  | 'allow-cache-ckpt'
  | 'extra-colon'
  | 'heading-colon'
  | 'repo-info';

export interface HubFailure {
  check: HubCheck;
  /** The field concerned, for a field check. */
  field?: string;
  /** The line, where the check can name one (a YAML error, a field, a heading). */
  line?: number;
  /** What Python raises, in its words. */
  python: string;
}

export interface HubCheckInput {
  path: string;
  bytes: Uint8Array;
  datasets: ReadonlySet<string>;
  /** File names directly in `mshub_res/images/` (what `glob('images/*')` lists); the image check is skipped without. */
  images?: ReadonlySet<string> | undefined;
  /**
   * mshub-review's size limits: a file or front matter over them is not read as the hub would read
   * it (it fails on `file-size` anyway), so it gets no verdict of the hub.
   */
  limits: { maxFileBytes: number; maxFrontMatterBytes: number };
  /** Every asset path of the hub; without it a Chinese page's English twin is taken to exist. */
  assetPaths?: ReadonlySet<string> | undefined;
  /**
   * The front matter mshub-review already read, when it was read from the same lines: the YAML is
   * then not read a second time.
   */
  parsed?: { lines: readonly { text: string }[]; data: Record<string, unknown> } | undefined;
  /**
   * The file as mshub-review cut it, when check.py cuts it into the same lines (no byte order mark,
   * no lone `\r`): the file is then not decoded and cut a second time.
   */
  split?: HubSplit | undefined;
  /** The headings that end in `:`, when mshub-review already looked for them in the same markdown. */
  colonHeadings?: readonly ColonHeading[] | undefined;
}

/** A file cut into lines at `\n` (a `\r` before it dropped), as check.py would cut it. */
export interface HubSplit {
  fenceLines: readonly number[];
  /** The front matter lines as written. */
  frontMatter: readonly { line: number; text: string }[];
  /** The same lines as one text, as written (`\r\n` kept). */
  frontMatterText: string;
  /** Whether a line outside the front matter ends in `:` (before spaces, tabs or `#`): only then can a heading. */
  markdownMayEndInColon: boolean;
  /** The markdown (every line outside the front matter), each line ending in `\n`. */
  markdown: () => string;
}

/** check.py's order, which decides which missing key it names first. */
const ASSET_KEYS = ['asset-link', 'asset-sha256', 'file-format'];

/** The checks the hub runs on a file, and what fails. An empty list: the hub accepts the file. */
export function hubCheck(input: HubCheckInput): HubFailure[] {
  const checked = hubCheckedPath(input.path);
  if (checked !== input.path) {
    // check.py checks the English page instead; the Chinese page itself is never read.
    if (input.assetPaths && !input.assetPaths.has(checked))
      return [{ check: 'cn-twin', python: `[Errno 2] No such file or directory: '${checked}'` }];
    return [];
  }
  if (input.bytes.byteLength > input.limits.maxFileBytes) return [];
  const hubReading = input.split ? undefined : readAsHub(input.bytes);
  const reading = input.split
    ? new SplitReading(input.split)
    : hubReading
      ? fromReading(hubReading)
      : undefined;
  if (!reading) return [{ check: 'unreadable', python: "'utf-8' codec can't decode the file" }];
  if (reading.fenceLines.length !== 2)
    return [
      {
        check: 'fences',
        ...(reading.fenceLines.length > 2 ? { line: reading.fenceLines[2] as number } : {}),
        python: `MarkDown file: ${input.path} should have two '---'.`,
      },
    ];

  if (reading.headerLength > input.limits.maxFrontMatterBytes) return [];
  // mshub-review's own reading of the same lines is a mapping with keys (it refuses anything else).
  if (input.parsed && reading.readFrom === input.parsed.lines)
    return checkFields(input, reading, input.parsed.data);
  const header = readHeader(reading.header(), input.parsed);
  if ('failure' in header) return [header.failure];
  const data = header.data;
  if (!pythonTruthy(data)) return [{ check: 'empty-header', python: 'Failed to parse a valid yaml header' }];
  if (!isDict(data))
    return [
      {
        check: 'not-a-mapping',
        python: `${pythonTypeName(data)} indices must be integers or slices, not str`,
      },
    ];
  return checkFields(input, reading, data);
}

/** check.py's checks of the fields, after YAML gave a mapping: every failure, in its order. */
function checkFields(input: HubCheckInput, reading: Reading, data: Record<string, unknown>): HubFailure[] {
  let layout: FrontMatterLayout | undefined;
  const failures: HubFailure[] = [];
  const fail: Fail = (check, python, field, entry) => {
    const failure: HubFailure = { check, python };
    if (field !== undefined) {
      failure.field = field;
      layout ??= scanKeyLines(
        reading.header().map(({ line, text }) => ({ line, text: text.replace(/\n$/, '') })),
      );
      const line = entry ? assetEntryLine(layout, entry.index, entry.key) : layout.keys.get(field)?.line;
      if (line !== undefined) failure.line = line;
    }
    failures.push(failure);
  };

  // module_type_list = header['module-type'].split('-', 1)
  const moduleType = data['module-type'];
  let moduleFamily: string | undefined;
  let moduleDetail: string | undefined;
  if (!Object.hasOwn(data, 'module-type')) fail('required-field', "KeyError: 'module-type'", 'module-type');
  else if (typeof moduleType !== 'string')
    fail('module-type', `'${pythonTypeName(moduleType)}' object has no attribute 'split'`, 'module-type');
  else {
    const dash = moduleType.indexOf('-');
    moduleFamily = dash === -1 ? moduleType : moduleType.slice(0, dash);
    if (dash !== -1) moduleDetail = moduleType.slice(dash + 1);
  }

  for (const field of REQUIRED_FIELDS)
    if (!Object.hasOwn(data, field) && field !== 'module-type')
      fail('required-field', `field: \`\`${field}\`\` is required in ${input.path}, but not found.`, field);

  if (Object.hasOwn(data, 'fine-tunable') && typeof data['fine-tunable'] !== 'boolean')
    fail('fine-tunable', '`fine-tunable` must be `bool`', 'fine-tunable');

  if (Object.hasOwn(data, 'repo-link')) {
    const problem = repoLinkProblem(data['repo-link']);
    if (problem) fail('repo-link', problem, 'repo-link');
  }

  const dataset = data['train-dataset'];
  if (pythonTruthy(dataset)) {
    const problem = trainDatasetProblem(dataset, input.datasets);
    if (problem) fail('train-dataset', problem, 'train-dataset');
  }

  if (Object.hasOwn(data, 'used-for')) {
    const usedFor = data['used-for'];
    if (typeof usedFor !== 'string')
      fail('used-for', `'${pythonTypeName(usedFor)}' object has no attribute 'split'`, 'used-for');
    else
      for (const item of usedFor.includes('/') ? usedFor.split('/') : [usedFor])
        if (!USED_FOR_VALUES.includes(item.toLowerCase())) {
          fail('used-for', `used_for \`\`${item}\`\` is not valid`, 'used-for');
          break;
        }
  }

  if (moduleFamily !== undefined) {
    // The family holds no `-` (check.py split there): lower-cased, it is the first item of its split.
    if (!MODULE_TYPE_FAMILIES.includes(moduleFamily.toLowerCase()))
      fail('module-type', `module_type \`\`${moduleFamily}\`\` is not valid`, 'module-type');
  }

  const asset = data.asset;
  if (pythonTruthy(asset)) checkAssets(asset, fail);

  if (Object.hasOwn(data, 'featured-image') && input.images) {
    const image = data['featured-image'];
    if (!(typeof image === 'string' && (image === 'no-image' || input.images.has(image))))
      fail('featured-image', `Image \`\`${String(image)}\`\` not found in images/`, 'featured-image');
  }

  if (Object.hasOwn(data, 'accuracy')) {
    const accuracy = data.accuracy;
    if (typeof accuracy !== 'number' && typeof accuracy !== 'boolean')
      fail('accuracy', '`accuracy` must be `number`', 'accuracy');
  }

  if (Object.hasOwn(data, 'allow-cache-ckpt') && typeof data['allow-cache-ckpt'] !== 'boolean')
    fail('allow-cache-ckpt', '`allow-cache-ckpt` must be `bool`', 'allow-cache-ckpt');

  for (const key in data) {
    if (!Object.hasOwn(data, key) || COLON_ALLOWED_FIELDS.has(key)) continue;
    const value =
      key === 'module-type' && moduleFamily !== undefined
        ? moduleFamily
        : key === 'module-type-detail' && moduleDetail !== undefined
          ? moduleDetail
          : data[key];
    if (pythonStrHasColon(value)) fail('extra-colon', `Remove extra ':' in field \`\`${key}\`\``, key);
  }
  if (moduleDetail !== undefined && !Object.hasOwn(data, 'module-type-detail') && moduleDetail.includes(':'))
    fail('extra-colon', "Remove extra ':' in field ``module-type-detail``", 'module-type');

  const headings =
    input.colonHeadings ??
    (reading.markdownMayEndInColon ? colonHeadings(reading.markdown(), () => reading.markdownLines()) : []);
  const heading = headings[0];
  if (heading)
    failures.push({
      check: 'heading-colon',
      python: 'AssertionError',
      ...(heading.line ? { line: heading.line } : {}),
    });

  const repoLink = data['repo-link'];
  if (typeof repoLink === 'string' && !failures.some((failure) => failure.check === 'repo-link')) {
    const problem = getRepoInfoFromUrl(repoLink);
    if (problem) fail('repo-info', problem, 'repo-link');
  }
  return failures;
}

function readHeader(
  lines: readonly HubLine[],
  parsed: HubCheckInput['parsed'],
): { data: unknown } | { failure: HubFailure } {
  if (
    parsed &&
    parsed.lines.length === lines.length &&
    parsed.lines.every((line, index) => `${line.text}\n` === lines[index]?.text)
  )
    return { data: parsed.data };
  const text = lines.map((line) => line.text).join('');
  try {
    const value = loadPyYaml(text);
    return { data: ruleValue(value) };
  } catch (error) {
    if (!(error instanceof PyYamlError)) throw error;
    const mark = error.problemMark ?? error.contextMark;
    return {
      failure: {
        check: 'yaml',
        ...(mark ? { line: lineOfMark(text, mark.index, lines) } : {}),
        python: error.problem,
      },
    };
  }
}

/** The file line of a PyYAML mark (an index in code points into the joined header lines). */
function lineOfMark(text: string, index: number, lines: readonly HubLine[]): number {
  let lineIndex = 0;
  let at = 0;
  for (const char of text) {
    if (at >= index) break;
    if (char === '\n') lineIndex++;
    at++;
  }
  return lines[Math.min(lineIndex, lines.length - 1)]?.line ?? 1;
}

/** The line of a key in the `index`-th entry of the `asset` list, or of the entry's `-` for `-` (or a key not written in it). */
function assetEntryLine(layout: FrontMatterLayout, index: number, key: string): number | undefined {
  const entry = layout.assetEntries[index];
  return key === '-' ? entry?.line : (entry?.keys.get(key)?.line ?? entry?.line);
}

type Fail = (check: HubCheck, python: string, field?: string, entry?: { index: number; key: string }) => void;

function repoLinkProblem(link: unknown): string | undefined {
  if (link === null) return undefined;
  if (typeof link !== 'string') return `'${pythonTypeName(link)}' object has no attribute 'strip'`;
  // Nearly every link: a scheme at the start and nothing unwrap() or the cut at `#` would change.
  if (/^https?:\/\/[^\s<>#]*$/.test(link)) return undefined;
  const stripped = stripAngles(link);
  return requestAccepts(stripped) ? undefined : `unknown url type: '${stripped}'`;
}

function trainDatasetProblem(dataset: unknown, valid: ReadonlySet<string>): string | undefined {
  if (typeof dataset === 'number' || typeof dataset === 'boolean')
    return `argument of type '${pythonTypeName(dataset)}' is not iterable`;
  const hasUnderscore = pythonContains(dataset, '_');
  if (hasUnderscore && typeof dataset !== 'string')
    return `'${pythonTypeName(dataset)}' object has no attribute 'split'`;
  const items = hasUnderscore ? (dataset as string).split('_') : [dataset];
  for (const item of items)
    if (typeof item !== 'string' || !valid.has(item))
      return `train_dataset \`\`${String(dataset)}\`\` is not valid`;
  return undefined;
}

function hasAssetKeys(entry: Record<string, unknown>): boolean {
  return (
    Object.hasOwn(entry, 'asset-link') &&
    Object.hasOwn(entry, 'asset-sha256') &&
    Object.hasOwn(entry, 'file-format')
  );
}

function checkAssets(asset: unknown, fail: Fail): void {
  if (typeof asset === 'number' || typeof asset === 'boolean') {
    fail('asset', `'${pythonTypeName(asset)}' object is not iterable`, 'asset');
    return;
  }
  const entries: readonly unknown[] =
    typeof asset === 'string' ? [...asset] : Array.isArray(asset) ? asset : Object.keys(asset as object);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    // `k not in asset` for each required key: on a dict, whether it has the key; the usual case first.
    if (!(isDict(entry) && hasAssetKeys(entry)))
      for (const key of ASSET_KEYS) {
        if (entry === null || typeof entry === 'number' || typeof entry === 'boolean') {
          fail('asset', `argument of type '${pythonTypeName(entry)}' is not iterable`, 'asset');
          return;
        }
        if (!pythonContains(entry, key)) {
          fail('asset', `field: \`\`${key}\`\` is required in the asset entry, but not found.`, 'asset', {
            index,
            key: '-',
          });
          return;
        }
      }
    if (!isDict(entry)) {
      fail('asset', `${pythonTypeName(entry)} indices must be integers or slices, not str`, 'asset');
      return;
    }
    const problem = repoLinkProblem(entry['asset-link']);
    if (problem) {
      fail('asset-link', problem, 'asset', { index, key: 'asset-link' });
      return;
    }
    const format = entry['file-format'];
    if (typeof format !== 'string') {
      fail('file-format', `'${pythonTypeName(format)}' object has no attribute 'lower'`, 'asset', {
        index,
        key: 'file-format',
      });
      return;
    }
    if (!FILE_FORMATS.includes(format.toLowerCase())) {
      fail('file-format', `file_format \`\`${format}\`\` is not valid`, 'asset', {
        index,
        key: 'file-format',
      });
      return;
    }
  }
}

/** What the checks read of a file: its fences, front matter lines and (on demand) markdown. */
interface Reading {
  readonly fenceLines: readonly number[];
  header(): readonly HubLine[];
  /** The front matter's length in characters, line breaks counted. */
  readonly headerLength: number;
  /** The lines the header was cut from, when they are exactly the lines YAML is given (no `evaluation: -`). */
  readonly readFrom?: readonly unknown[] | undefined;
  readonly markdownMayEndInColon: boolean;
  markdown(): string;
  markdownLines(): readonly HubLine[];
}

/** Only a line that ends in `:` (before spaces, tabs or `#`) can hold a heading that does. */
const MAY_END_IN_COLON = /:[ \t#]*(?:$|\u2424)/m;

function fromReading(reading: HubReading): Reading {
  const markdown = reading.markdown.map((line) => line.text).join('');
  let headerLength = 0;
  for (const line of reading.header) headerLength += line.text.length;
  return {
    fenceLines: reading.fenceLines,
    header: () => reading.header,
    headerLength,
    markdownMayEndInColon: MAY_END_IN_COLON.test(markdown),
    markdown: () => markdown,
    markdownLines: () => reading.markdown,
  };
}

/** A file as mshub-review cut it: nothing is copied unless a check needs it. */
class SplitReading implements Reading {
  readonly fenceLines: readonly number[];
  /** As long as the lines with their `\n`s, or a little longer (a `\r` before each): enough for a limit. */
  readonly headerLength: number;
  readonly readFrom: readonly unknown[] | undefined;
  readonly markdownMayEndInColon: boolean;
  #header: HubLine[] | undefined;
  #markdown: string | undefined;

  constructor(private readonly split: HubSplit) {
    this.fenceLines = split.fenceLines;
    this.headerLength = split.frontMatterText.length;
    this.readFrom = split.frontMatterText.includes(EVALUATION_DASH) ? undefined : split.frontMatter;
    this.markdownMayEndInColon = split.markdownMayEndInColon;
  }

  header(): readonly HubLine[] {
    this.#header ??= this.split.frontMatter.map(({ line, text }) => ({
      line,
      text: `${text.includes(EVALUATION_DASH) ? text.replaceAll('-', 'no') : text}\n`,
    }));
    return this.#header;
  }

  markdown(): string {
    this.#markdown ??= this.split.markdown();
    return this.#markdown;
  }

  markdownLines(): readonly HubLine[] {
    return markdownLinesOf(this.markdown(), this.fenceLines);
  }
}

const EVALUATION_DASH = 'evaluation: -';

function isDict(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Python's truth value of a front matter value. */
function pythonTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) {
    for (const key in value) if (Object.hasOwn(value, key)) return true;
    return false;
  }
  return true;
}

/** Python's `needle in container` for a string needle. */
function pythonContains(container: unknown, needle: string): boolean {
  if (typeof container === 'string') return container.includes(needle);
  if (Array.isArray(container)) return container.includes(needle);
  if (isDict(container)) return Object.hasOwn(container, needle);
  return false;
}

/**
 * Whether Python's `str(value)` holds a `:`. A date is its text as written, which holds one exactly
 * when str() does. A list shared through an alias is judged once; one that holds itself shows as
 * `[...]` in Python.
 */
function pythonStrHasColon(value: unknown, judged?: Map<object, boolean>): boolean {
  if (typeof value === 'string') return value.includes(':');
  if (isDict(value)) return Object.keys(value).length > 0;
  if (!Array.isArray(value)) return false;
  judged ??= new Map();
  const known = judged.get(value);
  if (known !== undefined) return known;
  judged.set(value, false);
  let result = false;
  for (let index = 0; index < value.length && !result; index++)
    result = pythonStrHasColon(value[index], judged);
  judged.set(value, result);
  return result;
}

function pythonTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  if (Array.isArray(value)) return 'list';
  return 'dict';
}
