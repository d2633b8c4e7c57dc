import { isPlainScalar } from '../parse/scan-key-lines.js';
import { didYouMean } from '../text/did-you-mean.js';
import { inCode, q } from '../text/quote.js';
import { ASSET_ENTRY_FIELDS, KNOWN_FIELDS, VERSION_FIELDS } from './fields.js';
import { assetEntries, assetPosition, keyPosition, type Rule } from './rule-context.js';

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
    sink.report(
      'unknown-key',
      keyPosition(doc, key),
      `The hub does not read the key ${q(key)}.${hint ? ` ${hint}` : ''}`,
      guess
        ? `Did you mean \`${guess}\`?`
        : hint
          ? 'Move it into an entry of `asset:` (`- file-format: ...`, `asset-link: ...`, `asset-sha256: ...`).'
          : 'Remove it, or put the information in the markdown text below the front matter.',
    );
  }
  assetEntries(doc).forEach((entry, index) => {
    for (const key of Object.keys(entry)) {
      if ((ASSET_ENTRY_FIELDS as readonly string[]).includes(key)) continue;
      const guess = didYouMean(key, ASSET_ENTRY_FIELDS);
      sink.report(
        'unknown-key',
        assetPosition(doc, index, key),
        `Asset entry ${index + 1} has the key ${q(key)}, which the hub does not read.`,
        guess ? `Did you mean \`${guess}\`?` : `An asset entry holds only ${ASSET_ENTRY_FIELDS.join(', ')}.`,
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
    );
  }
};
