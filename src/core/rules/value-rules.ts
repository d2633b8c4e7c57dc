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
import { textEdit } from './line-edits.js';
import { assetEntries, assetPosition, type Rule, valuePosition } from './rule-context.js';

const list = (values: readonly string[]) => values.join(', ');

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
    `${q(family)} is not a module family the hub knows (${list(MODULE_TYPE_FAMILIES)}).`,
    guess
      ? `Did you mean \`${guess}\`? For example \`module-type: ${guess}-classification\`.`
      : 'Start `module-type` with one of the families, for example `cv-classification`.',
  );
};

function checkSlashList(field: string, allowed: readonly string[], rule: 'used-for' | 'backend'): Rule {
  return ({ doc, sink }) => {
    const value = doc.data[field];
    if (typeof value !== 'string') return;
    const wrong = value.split('/').filter((item) => !allowed.includes(item.toLowerCase()));
    if (wrong.length === 0) return;
    const guess = wrong.length === 1 ? didYouMean(wrong[0] ?? '', allowed) : undefined;
    sink.report(
      rule,
      valuePosition(doc, field),
      `${wrong.map(q).join(', ')} in \`${field}\` is not one of ${list(allowed)}.`,
      `${guess ? `Did you mean \`${guess}\`? ` : ''}Write one or more of them separated by \`/\`, for example \`${field}: ${allowed.slice(0, 2).join('/')}\`.`,
    );
  };
}

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
  const unknown = text.split('_').filter((part) => !config.datasets.has(part));
  if (unknown.length === 0) return;
  const position = valuePosition(doc, 'train-dataset');
  if (config.datasets.has(text)) {
    const squeezed = text.replace(/_/g, '').toLowerCase();
    const spelling = [...config.datasets].find((dataset) => dataset.toLowerCase() === squeezed);
    sink.report(
      'train-dataset',
      position,
      `${q(text)} is in the hub's dataset list, but the hub loader splits \`train-dataset\` at every \`_\` and then does not know ${unknown.map(q).join(', ')}, so \`mindspore_hub.load()\` refuses this model.`,
      spelling
        ? `Write \`train-dataset: ${spelling}\`, the list's spelling of the same dataset without \`_\`.`
        : 'Write the dataset without `_` (the list has most datasets in such a spelling, in lower case).',
      spelling ? textEdit(doc, doc.layout.keys.get('train-dataset'), spelling) : undefined,
    );
    return;
  }
  // Only a spelling that differs in case or separators alone is certain (`ImageNet2012`, `cifar-10`).
  const respelled = text
    .split('_')
    .map((part) => (config.datasets.has(part) ? part : sameDataset(part, config.datasets)));
  if (respelled.every((part) => part !== undefined)) {
    const value = respelled.join('_');
    sink.report(
      'train-dataset',
      position,
      `The hub does not know the dataset ${unknown.map(q).join(', ')}; its dataset list spells it differently.`,
      `Write \`train-dataset: ${value}\`, the spelling of the hub's dataset list.`,
      textEdit(doc, doc.layout.keys.get('train-dataset'), value),
    );
    return;
  }
  const guesses = unknown.map((part) => didYouMean(part, config.datasets));
  const suggestion = guesses.every((guess) => guess !== undefined)
    ? `Did you mean ${guesses.map((guess) => `\`${guess}\``).join(' and ')}? `
    : '';
  sink.report(
    'train-dataset',
    position,
    `The hub does not know the dataset ${unknown.map(q).join(', ')}. \`train-dataset\` must name known datasets, joined with \`_\` when there are several.`,
    `${suggestion}Use the spelling from the hub's dataset list; if the dataset is new to the hub, say so in the pull request so a maintainer can add it.`,
  );
};

const squeeze = (text: string) => text.toLowerCase().replace(/[\s.-]/g, '');

/** The one listed dataset written the same but for case, `-`, `.` and spaces; undefined if none or several. */
function sameDataset(part: string, datasets: ReadonlySet<string>): string | undefined {
  const wanted = squeeze(part);
  let found: string | undefined;
  for (const dataset of datasets) {
    if (squeeze(dataset) !== wanted) continue;
    if (found !== undefined) return undefined;
    found = dataset;
  }
  return found;
}

export const checkFileFormats: Rule = ({ doc, sink }) => {
  assetEntries(doc).forEach((entry, index) => {
    const format = entry['file-format'];
    if (typeof format !== 'string' || FILE_FORMATS.includes(format.toLowerCase())) return;
    const guess = didYouMean(format.toLowerCase(), FILE_FORMATS);
    sink.report(
      'file-format',
      assetPosition(doc, index, 'file-format'),
      `${q(format)} is not a file format the hub can load (${list(FILE_FORMATS)}).`,
      guess
        ? `Did you mean \`file-format: ${guess}\`?`
        : 'Use the format of the file that `asset-link` downloads.',
    );
  });
};

export const checkFeaturedImage: Rule = ({ doc, hub, sink }) => {
  const value = doc.data['featured-image'];
  if (!hub.images || typeof value !== 'string' || value === 'no-image' || hub.images.has(value)) return;
  const guess = didYouMean(value, hub.images);
  sink.report(
    'featured-image',
    valuePosition(doc, 'featured-image'),
    `The image ${q(value)} is not in the hub's \`images/\` folder.`,
    guess
      ? `Did you mean \`${guess}\`?`
      : 'Add the image to the `images/` folder in the same pull request, or write `featured-image: no-image`.',
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
  for (const field of Object.keys(doc.data)) {
    const value = doc.data[field];
    if (COLON_ALLOWED_FIELDS.has(field) || !containsColon(value)) continue;
    sink.report(
      'extra-colon',
      valuePosition(doc, field),
      `The value of ${q(field)} contains \`:\`. The hub accepts \`:\` only in \`repo-link\`, \`asset\` and \`evaluation\`.`,
      typeof value === 'string'
        ? value.includes('://')
          ? `A link belongs in \`repo-link\`, in an \`asset\` entry, or in the text below the front matter: move it there${ASSET_ENTRY_FIELDS.includes(field as never) ? ' (this key is read only inside an entry of `asset:`)' : ''}.`
          : `Replace the \`:\`, for example with \` - \`: \`${inCode(field)}: ${inCode(value.replace(/:\s*/g, ' - '))}\`.`
        : 'Write this field as a single line of text without `:`.',
    );
  }
};

export const checkEvaluationDash: Rule = ({ doc, sink }) => {
  if (doc.evaluationDashLine === undefined) return;
  sink.report(
    'evaluation-dash',
    { line: doc.evaluationDashLine },
    '`evaluation: -` is not valid YAML on its own (a `-` starts a list); the hub reads it as "no evaluation".',
    'Remove the `evaluation` line, or give the results, for example `evaluation: top1acc75.24 | top5acc92.55`.',
  );
};
