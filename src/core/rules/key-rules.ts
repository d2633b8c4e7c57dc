import { msg } from '../messages/format-message.js';
import { isPlainScalar } from '../parse/scan-key-lines.js';
import { didYouMean } from '../text/did-you-mean.js';
import { inCode, q } from '../text/quote.js';
import { ASSET_ENTRY_FIELDS, KNOWN_FIELDS, REQUIRED_FIELDS, VERSION_FIELDS } from './fields.js';
import { misspellingOf } from './front-matter-schema.js';
import { keyEdit, valueEdit } from './line-edits.js';
import { assetEntries, assetEntryLayout, assetPosition, keyPosition, type Rule } from './rule-context.js';

/** Keys of an asset entry written at the top level, where the hub never reads them. */
const TOP_LEVEL_ASSET_KEYS = new Set(['asset-link', 'asset-sha256', 'asset_sha256', 'file-format']);

/** Whether required-field reports `key` as the misspelling of the missing required field `guess`. */
function isMisspeltRequired(
  key: string,
  guess: string,
  mapping: Record<string, unknown>,
  required: readonly string[],
): boolean {
  return (
    required.includes(guess) &&
    !Object.hasOwn(mapping, guess) &&
    misspellingOf(guess, Object.keys(mapping)) === key
  );
}

export const checkUnknownKeys: Rule = ({ doc, sink }) => {
  const keys = Object.keys(doc.data);
  // Indexed: every key of every file passes here, mostly before this is optimized (see simple-front-matter.ts).
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    if (KNOWN_FIELDS.has(key)) continue;
    const guess = didYouMean(key, KNOWN_FIELDS);
    // The misspelling of a required field that is missing: required-field names it, with the rename.
    if (guess !== undefined && isMisspeltRequired(key, guess, doc.data, REQUIRED_FIELDS)) continue;
    const hint = TOP_LEVEL_ASSET_KEYS.has(key);
    // A rename is certain only when it cannot collide with the key the contributor meant.
    const renamed = guess !== undefined && !hint && !Object.hasOwn(doc.data, guess);
    sink.report(
      'unknown-key',
      keyPosition(doc, key),
      msg(hint ? 'unknown-key.top-level-asset' : 'unknown-key.top-level', { key: q(key) }),
      guess
        ? msg(renamed ? 'unknown-key.fix-rename' : 'unknown-key.fix-guess', { guess })
        : hint
          ? msg('unknown-key.fix-move-to-asset')
          : msg('unknown-key.fix-remove'),
      renamed ? keyEdit(doc, doc.layout.keys.get(key), key, guess) : undefined,
    );
  }
  const entries = assetEntries(doc);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Record<string, unknown>;
    const entryKeys = Object.keys(entry);
    for (let keyIndex = 0; keyIndex < entryKeys.length; keyIndex++) {
      const key = entryKeys[keyIndex] as string;
      if ((ASSET_ENTRY_FIELDS as readonly string[]).includes(key)) continue;
      const guess = didYouMean(key, ASSET_ENTRY_FIELDS);
      if (guess !== undefined && isMisspeltRequired(key, guess, entry, ASSET_ENTRY_FIELDS)) continue;
      const renamed = guess !== undefined && !Object.hasOwn(entry, guess);
      sink.report(
        'unknown-key',
        assetPosition(doc, index, key),
        msg('unknown-key.asset-entry', { entry: index + 1, key: q(key) }),
        guess
          ? msg(renamed ? 'unknown-key.fix-rename' : 'unknown-key.fix-guess', { guess })
          : msg('unknown-key.fix-asset-entry', { fields: ASSET_ENTRY_FIELDS }),
        renamed ? keyEdit(doc, assetEntryLayout(doc, index)?.keys.get(key), key, guess) : undefined,
      );
    }
  }
};

/** How Python's `str()` shows the number PyYAML makes of a plain scalar (what the hub's tools display). */
function pythonNumberText(value: number, source: string): string {
  const isFloatSyntax = /[.eE]/.test(source);
  if (isFloatSyntax && Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1);
  return String(value);
}

export const checkVersionText: Rule = ({ doc, sink }) => {
  for (let index = 0; index < VERSION_FIELDS.length; index++) {
    const field = VERSION_FIELDS[index] as (typeof VERSION_FIELDS)[number];
    const value = doc.data[field];
    const location = doc.layout.keys.get(field);
    if (typeof value !== 'number' || !location || !isPlainScalar(location.rawValue)) continue;
    const written = location.rawValue;
    const read = pythonNumberText(value, written);
    if (read === written) continue;
    sink.report(
      'version-text',
      { line: location.line, column: location.valueColumn },
      msg('version-text.message', {
        field,
        written: inCode(written),
        read,
        readQuoted: q(read),
        writtenQuoted: q(written),
      }),
      msg('version-text.fix', { field, written: inCode(written) }),
      valueEdit(doc, location, `"${written}"`),
    );
  }
};

/**
 * The hub accepts a key written twice (PyYAML keeps the last), but the first value is lost without
 * a word. In the `asset` list the usual cause is a missing `- `, which merges two entries into one.
 */
export const checkDuplicateKeys: Rule = ({ doc, sink }) => {
  if (doc.layout.duplicates.length === 0) return;
  const entriesReported = new Set<number>();
  for (const { key, first, again, assetEntry } of doc.layout.duplicates) {
    if (assetEntry === undefined) {
      sink.report(
        'duplicate-key',
        { line: again.line, column: again.column },
        msg('duplicate-key.top-level', { key: q(key), first: first.line, again: again.line }),
        msg('duplicate-key.fix-top-level', { key: inCode(key) }),
      );
      continue;
    }
    // Two entries merged by one missing `- ` repeat every key: the first repeat is where the new one starts.
    if (entriesReported.has(assetEntry)) continue;
    entriesReported.add(assetEntry);
    sink.report(
      'duplicate-key',
      { line: again.line, column: again.column },
      msg('duplicate-key.asset-entry', {
        entry: assetEntry + 1,
        key: q(key),
        first: first.line,
        again: again.line,
      }),
      msg('duplicate-key.fix-asset-entry', {
        again: again.line,
        dash: doc.layout.assetEntries[assetEntry]?.line ?? first.line,
      }),
    );
  }
};
