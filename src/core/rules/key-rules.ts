import { isPlainScalar } from '../parse/scan-key-lines.js';
import { didYouMean } from '../text/did-you-mean.js';
import { inCode, q } from '../text/quote.js';
import { ASSET_ENTRY_FIELDS, KNOWN_FIELDS, VERSION_FIELDS } from './fields.js';
import { keyEdit, valueEdit } from './line-edits.js';
import { assetEntries, assetEntryLayout, assetPosition, keyPosition, type Rule } from './rule-context.js';

const TOP_LEVEL_ASSET_HINT: Record<string, string> = {
  'asset-link': 'The hub reads assets only from the `asset` list.',
  'asset-sha256': 'The hub reads assets only from the `asset` list.',
  asset_sha256: 'The hub reads assets only from the `asset` list.',
  'file-format': 'The hub reads assets only from the `asset` list.',
};

export const checkUnknownKeys: Rule = ({ doc, sink }) => {
  for (const key of Object.keys(doc.data)) {
    if (KNOWN_FIELDS.has(key)) continue;
    const guess = didYouMean(key, KNOWN_FIELDS);
    const hint = Object.hasOwn(TOP_LEVEL_ASSET_HINT, key) ? TOP_LEVEL_ASSET_HINT[key] : undefined;
    // A rename is certain only when it cannot collide with the key the contributor meant.
    const renamed = guess !== undefined && !hint && !Object.hasOwn(doc.data, guess);
    sink.report(
      'unknown-key',
      keyPosition(doc, key),
      `The hub does not read the key ${q(key)}.${hint ? ` ${hint}` : ''}`,
      guess
        ? renamed
          ? `Rename it to \`${guess}\`.`
          : `Did you mean \`${guess}\`?`
        : hint
          ? 'Move it into an entry of `asset:` (`- file-format: ...`, `asset-link: ...`, `asset-sha256: ...`).'
          : 'Remove it, or put the information in the markdown text below the front matter.',
      renamed ? keyEdit(doc, doc.layout.keys.get(key), key, guess) : undefined,
    );
  }
  assetEntries(doc).forEach((entry, index) => {
    for (const key of Object.keys(entry)) {
      if ((ASSET_ENTRY_FIELDS as readonly string[]).includes(key)) continue;
      const guess = didYouMean(key, ASSET_ENTRY_FIELDS);
      const renamed = guess !== undefined && !Object.hasOwn(entry, guess);
      sink.report(
        'unknown-key',
        assetPosition(doc, index, key),
        `Asset entry ${index + 1} has the key ${q(key)}, which the hub does not read.`,
        guess
          ? renamed
            ? `Rename it to \`${guess}\`.`
            : `Did you mean \`${guess}\`?`
          : `An asset entry holds only ${ASSET_ENTRY_FIELDS.join(', ')}.`,
        renamed ? keyEdit(doc, assetEntryLayout(doc, index)?.keys.get(key), key, guess) : undefined,
      );
    }
  });
};

/** How Python's `str()` shows the number PyYAML makes of a plain scalar (what the hub's tools display). */
function pythonNumberText(value: number, source: string): string {
  const isFloatSyntax = /[.eE]/.test(source);
  if (isFloatSyntax && Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
  return String(value);
}

export const checkVersionText: Rule = ({ doc, sink }) => {
  for (const field of VERSION_FIELDS) {
    const value = doc.data[field];
    const location = doc.layout.keys.get(field);
    if (typeof value !== 'number' || !location || !isPlainScalar(location.rawValue)) continue;
    const written = location.rawValue;
    const read = pythonNumberText(value, written);
    if (read === written) continue;
    sink.report(
      'version-text',
      { line: location.line, column: location.valueColumn },
      `YAML reads \`${field}: ${inCode(written)}\` as the number ${read}, so tools that read the file see version ${q(read)}, not ${q(written)}.`,
      `Quote it to keep the text: \`${field}: "${inCode(written)}"\`.`,
      valueEdit(doc, location, `"${written}"`),
    );
  }
};

/**
 * The hub accepts a key written twice (PyYAML keeps the last), but the first value is lost without
 * a word. In the `asset` list the usual cause is a missing `- `, which merges two entries into one.
 */
export const checkDuplicateKeys: Rule = ({ doc, sink }) => {
  const entriesReported = new Set<number>();
  for (const { key, first, again, assetEntry } of doc.layout.duplicates) {
    if (assetEntry === undefined) {
      sink.report(
        'duplicate-key',
        { line: again.line, column: again.column },
        `${q(key)} is written twice, on lines ${first.line} and ${again.line}. YAML keeps only the last one, so the value on line ${first.line} is lost.`,
        `Keep one \`${inCode(key)}:\` line: delete the one you do not want, or merge the two values.`,
      );
      continue;
    }
    // Two entries merged by one missing `- ` repeat every key: the first repeat is where the new one starts.
    if (entriesReported.has(assetEntry)) continue;
    entriesReported.add(assetEntry);
    sink.report(
      'duplicate-key',
      { line: again.line, column: again.column },
      `Asset entry ${assetEntry + 1} has ${q(key)} twice, on lines ${first.line} and ${again.line}, so YAML keeps only the second and the asset on line ${first.line} is lost. Line ${again.line} probably starts a new entry and lacks its \`- \`.`,
      `Add a line holding only \`-\` above line ${again.line}, indented like the \`-\` on line ${doc.layout.assetEntries[assetEntry]?.line ?? first.line}, so that the keys from line ${again.line} on form an entry of their own.`,
    );
  }
};
