import { msg } from '../messages/format-message.js';
import { didYouMean } from '../text/did-you-mean.js';
import { inCode, q } from '../text/quote.js';
import { scalarText } from '../text/scalar-text.js';
import {
  ASSET_ENTRY_FIELDS,
  BACKENDS,
  COLON_ALLOWED_FIELDS,
  FILE_FORMATS,
  MODULE_TYPE_FAMILIES,
  USED_FOR_VALUES,
} from './fields.js';
import { misspellingOf } from './front-matter-schema.js';
import { textEdit } from './line-edits.js';
import { assetEntries, assetPosition, type Rule, valuePosition } from './rule-context.js';

/**
 * The hub splits `module-type` at its first `-` before it checks it, so only the family before it
 * matters: `cv-super-resolution` is the family `cv` with the detail `super-resolution`.
 */
export const checkModuleType: Rule = ({ doc, sink }) => {
  const value = doc.data['module-type'];
  if (typeof value !== 'string') return;
  const family = value.toLowerCase().split('-', 1)[0] ?? '';
  if (MODULE_TYPE_FAMILIES.includes(family)) return;
  const guess = didYouMean(family, MODULE_TYPE_FAMILIES);
  sink.report(
    'module-type',
    valuePosition(doc, 'module-type'),
    msg('module-type.unknown-family', { family: q(family), families: MODULE_TYPE_FAMILIES }),
    guess ? msg('module-type.fix-guess', { guess }) : msg('module-type.fix'),
  );
};

function checkSlashList(field: string, allowed: readonly string[], rule: 'used-for' | 'backend'): Rule {
  return ({ doc, sink }) => {
    const value = doc.data[field];
    if (typeof value !== 'string') return;
    const items = value.split('/');
    const wrong: string[] = [];
    // Indexed, without callbacks: three rules a file, mostly before the optimizing compiler has seen them.
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as string;
      if (!allowed.includes(item.toLowerCase())) wrong.push(item);
    }
    if (wrong.length === 0) return;
    const guess = wrong.length === 1 ? didYouMean(wrong[0] ?? '', allowed) : undefined;
    sink.report(
      rule,
      valuePosition(doc, field),
      msg('slash-list.unknown', { values: wrong.map(q), field, allowed }),
      guess
        ? msg('slash-list.fix-guess', { guess, field, example: allowed.slice(0, 2).join('/') })
        : msg('slash-list.fix', { field, example: allowed.slice(0, 2).join('/') }),
    );
  };
}

/**
 * check.py splits `used-for` and `module-type` and lower-cases each asset's `file-format`: written
 * with no value (YAML's null), the hub's check stops with an error (`None` has no `split`).
 */
export const checkEmptyHubValues: Rule = ({ doc, sink }) => {
  for (const key of ['used-for', 'module-type'] as const)
    if (Object.hasOwn(doc.data, key) && doc.data[key] === null)
      sink.report(
        'required-field',
        valuePosition(doc, key),
        msg('required-field.empty', { field: q(key) }),
        msg('required-field.fix-empty', { example: q(EMPTY_EXAMPLES[key]) }),
      );
  const entries = assetEntries(doc);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Record<string, unknown>;
    if (Object.hasOwn(entry, 'file-format') && entry['file-format'] === null)
      sink.report(
        'required-field',
        assetPosition(doc, index, 'file-format'),
        msg('required-field.empty', { field: q('file-format') }),
        msg('required-field.fix-empty', { example: q(EMPTY_EXAMPLES['file-format']) }),
      );
  }
};
/** A value to show for each field the hub splits or lowercases, which it cannot do to an empty one. */
export const EMPTY_EXAMPLES = {
  'used-for': 'used-for: inference',
  'module-type': 'module-type: cv-classification',
  'file-format': 'file-format: ckpt',
  'repo-link': 'repo-link: https://gitee.com/<owner>/<repo>/tree/<branch>/<folder>',
} as const;

export const checkUsedFor = checkSlashList('used-for', USED_FOR_VALUES, 'used-for');
export const checkTrainBackend = checkSlashList('train-backend', BACKENDS, 'backend');
export const checkInferBackend = checkSlashList('infer-backend', BACKENDS, 'backend');

/**
 * The hub loader splits `train-dataset` at every `_` and looks up each part, even when the whole
 * value is in its list: `AclImdb_v1` is listed, yet `mindspore_hub.load()` refuses it (no `v1`).
 */
export const checkTrainDataset: Rule = ({ doc, config, sink }) => {
  const text = scalarText(doc.data['train-dataset']);
  if (text === undefined || text === '') return;
  const parts = text.split('_');
  const unknown: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string;
    if (!config.datasets.has(part)) unknown.push(part);
  }
  if (unknown.length === 0) return;
  const position = valuePosition(doc, 'train-dataset');
  if (config.datasets.has(text)) {
    const spelling = spellingsOf(config.datasets).byLowerCase.get(text.replace(/_/g, '').toLowerCase());
    sink.report(
      'train-dataset',
      position,
      msg('train-dataset.split-by-loader', { value: q(text), unknown: unknown.map(q) }),
      spelling
        ? msg('train-dataset.fix-squeezed', { spelling: inCode(spelling) })
        : msg('train-dataset.fix-no-underscore'),
      spelling ? textEdit(doc, doc.layout.keys.get('train-dataset'), spelling) : undefined,
    );
    return;
  }
  // Only a spelling that differs in case or separators alone is certain (`ImageNet2012`, `cifar-10`).
  const respelled = text
    .split('_')
    .map((part) =>
      config.datasets.has(part) ? part : spellingsOf(config.datasets).bySqueezed.get(squeeze(part)),
    );
  if (respelled.every((part) => part !== undefined)) {
    const value = respelled.join('_');
    sink.report(
      'train-dataset',
      position,
      msg('train-dataset.respelled', { count: unknown.length, unknown: unknown.map(q) }),
      msg('train-dataset.fix-respelled', { value: inCode(value) }),
      textEdit(doc, doc.layout.keys.get('train-dataset'), value),
    );
    return;
  }
  const guesses = unknown.map((part) => didYouMean(part, config.datasets));
  const known = guesses.filter((guess) => guess !== undefined);
  sink.report(
    'train-dataset',
    position,
    msg('train-dataset.unknown', { count: unknown.length, unknown: unknown.map(q) }),
    known.length === guesses.length
      ? msg('train-dataset.fix-guess', { guesses: known.map((guess) => `\`${inCode(guess)}\``) })
      : msg('train-dataset.fix'),
  );
};

const squeeze = (text: string) => text.toLowerCase().replace(/[\s.-]/g, '');

interface Spellings {
  byLowerCase: Map<string, string>;
  /**
   * Written the same but for case, `-`, `.` and spaces: the first listed spelling (the hub lists
   * `MNLI` and `mnli`, `ImageNet2012` and `imagenet2012`: any of them is right, the first is the name).
   */
  bySqueezed: Map<string, string>;
}

/** Each list's other spellings, worked out once per list: every file with a train-dataset asks. */
const spellingIndexes = new WeakMap<ReadonlySet<string>, Spellings>();

function spellingsOf(datasets: ReadonlySet<string>): Spellings {
  let index = spellingIndexes.get(datasets);
  if (!index) {
    index = { byLowerCase: new Map(), bySqueezed: new Map() };
    for (const dataset of datasets) {
      const lower = dataset.toLowerCase();
      if (!index.byLowerCase.has(lower)) index.byLowerCase.set(lower, dataset);
      const squeezed = squeeze(dataset);
      if (!index.bySqueezed.has(squeezed)) index.bySqueezed.set(squeezed, dataset);
    }
    spellingIndexes.set(datasets, index);
  }
  return index;
}

export const checkFileFormats: Rule = ({ doc, sink }) => {
  const entries = assetEntries(doc);
  for (let index = 0; index < entries.length; index++) {
    const format = entries[index]?.['file-format'];
    if (typeof format !== 'string' || FILE_FORMATS.includes(format.toLowerCase())) continue;
    const guess = didYouMean(format.toLowerCase(), FILE_FORMATS);
    sink.report(
      'file-format',
      assetPosition(doc, index, 'file-format'),
      msg('file-format.unknown', { format: q(format), formats: FILE_FORMATS }),
      guess ? msg('file-format.fix-guess', { guess }) : msg('file-format.fix'),
    );
  }
};

export const checkFeaturedImage: Rule = ({ doc, hub, sink }) => {
  const value = doc.data['featured-image'];
  // Where check.py looks (`mshub_res/images/`), when the hub's files are known; else any images/ folder.
  const images = hub.hubImages ?? hub.images;
  if (!images || typeof value !== 'string' || value === 'no-image' || images.has(value)) return;
  const guess = didYouMean(value, images);
  sink.report(
    'featured-image',
    valuePosition(doc, 'featured-image'),
    msg('featured-image.missing', { image: q(value) }),
    guess ? msg('featured-image.fix-guess', { guess: inCode(guess) }) : msg('featured-image.fix'),
  );
};

/** Mirrors the hub's check, which looks for `:` in Python's `str()` of each value. */
function containsColon(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.includes(':');
  if (Array.isArray(value)) return value.some(containsColon);
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return false;
}

export const checkExtraColon: Rule = ({ doc, sink }) => {
  const fields = Object.keys(doc.data);
  // Indexed: every key of every file passes here, mostly before this is optimized (see simple-front-matter.ts).
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index] as string;
    const value = doc.data[field];
    if (COLON_ALLOWED_FIELDS.has(field) || !containsColon(value)) continue;
    // `repo_link` for `repo-link`: required-field names the misspelling, and its rename fixes this too.
    if (field === misspellingOf('repo-link', fields) && !Object.hasOwn(doc.data, 'repo-link')) continue;
    sink.report(
      'extra-colon',
      valuePosition(doc, field),
      msg('extra-colon.value', { field: q(field) }),
      typeof value === 'string'
        ? value.includes('://')
          ? ASSET_ENTRY_FIELDS.includes(field as never)
            ? msg('extra-colon.fix-link-asset-key')
            : msg('extra-colon.fix-link')
          : msg('extra-colon.fix-replace', {
              field: inCode(field),
              value: inCode(value.replace(/:\s*/g, ' - ')),
            })
        : msg('extra-colon.fix-single-line'),
    );
  }
};

export const checkEvaluationDash: Rule = ({ doc, sink }) => {
  if (doc.evaluationDashLine === undefined) return;
  sink.report(
    'evaluation-dash',
    { line: doc.evaluationDashLine },
    msg('evaluation-dash.message'),
    msg('evaluation-dash.fix'),
  );
};
