import type { LineEdit } from '../findings.js';
import { textEdit, writtenLine } from '../rules/line-edits.js';
import type { AssetDocument } from '../rules/rule-context.js';
import { assetEntryLayout } from '../rules/rule-context.js';

/**
 * Where an asset entry's digest is written, or would go: enough to write the real digest once a
 * download has computed it, without keeping the document. `before` + digest + `after` is the new
 * line; for an entry without `asset-sha256`, the line is inserted below `asset-link`.
 */
export type DigestLine =
  | { kind: 'replace'; line: number; before: string; after: string }
  | { kind: 'insert'; line: number; written: string; indent: number };

const MARK = '\u0000';

export function digestLineOf(
  doc: AssetDocument,
  index: number,
  link: string | undefined,
): DigestLine | undefined {
  const keys = assetEntryLayout(doc, index)?.keys;
  const sha256 = keys?.get('asset-sha256');
  if (sha256) {
    const [edit] = textEdit(doc, sha256, MARK);
    if (!edit?.text) return undefined;
    const at = edit.text.indexOf(MARK);
    return {
      kind: 'replace',
      line: edit.line,
      before: edit.text.slice(0, at),
      after: edit.text.slice(at + 1),
    };
  }
  const linkKey = keys?.get('asset-link');
  if (!linkKey || link === undefined) return undefined;
  const written = writtenLine(doc, linkKey.line);
  // Only below a link written whole on its own line: a value that goes on below would be cut in two.
  if (written === undefined || !written.includes(link)) return undefined;
  return { kind: 'insert', line: linkKey.line, written, indent: linkKey.column - 1 };
}

/** The edit that writes `sha256` at `at`. */
export function digestEdit(at: DigestLine, sha256: string): LineEdit {
  if (at.kind === 'replace') return { line: at.line, text: `${at.before}${sha256}${at.after}` };
  return { line: at.line, text: `${at.written}\n${' '.repeat(at.indent)}asset-sha256: ${sha256}` };
}
