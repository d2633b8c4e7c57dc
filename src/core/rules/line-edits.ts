import type { LineEdit } from '../findings.js';
import type { KeyLocation } from '../parse/scan-key-lines.js';
import type { AssetDocument } from './rule-context.js';

/** A front matter line as it is written in the file; undefined outside the front matter. */
export function writtenLine(doc: AssetDocument, line: number): string | undefined {
  const source = doc.writtenLines[line - doc.frontMatterLine];
  return source?.line === line ? source.text : undefined;
}

/**
 * Writes `raw` in place of the value at `location`. Only when the file holds exactly the value that
 * was read there: a line that was read as corrected (a typing slip) gets its edit on the next pass.
 */
export function valueEdit(doc: AssetDocument, location: KeyLocation | undefined, raw: string): LineEdit[] {
  if (!location || location.rawValue === '') return [];
  const text = writtenLine(doc, location.line);
  const start = location.valueColumn - 1;
  const end = start + location.rawValue.length;
  if (text === undefined || text.slice(start, end) !== location.rawValue) return [];
  return [{ line: location.line, text: `${text.slice(0, start)}${raw}${text.slice(end)}` }];
}

/** Renames the key at `location`, keeping the rest of the line as it is. */
export function keyEdit(
  doc: AssetDocument,
  location: KeyLocation | undefined,
  key: string,
  renamed: string,
): LineEdit[] {
  if (!location) return [];
  const text = writtenLine(doc, location.line);
  const start = location.column - 1;
  if (text === undefined || text.slice(start, start + key.length + 1) !== `${key}:`) return [];
  return [
    { line: location.line, text: `${text.slice(0, start)}${renamed}${text.slice(start + key.length)}` },
  ];
}

/** Writes the text `value` in place of the value at `location`, in the quotes it was written in, if any. */
export function textEdit(doc: AssetDocument, location: KeyLocation | undefined, value: string): LineEdit[] {
  const raw = location?.rawValue ?? '';
  const quote = raw[0];
  const quoted = (quote === '"' || quote === "'") && raw.length > 1 && raw.endsWith(quote);
  return valueEdit(doc, location, quoted ? `${quote}${value}${quote}` : value);
}
