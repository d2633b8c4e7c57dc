import type { Finding } from '../findings.js';
import { formatMessage, msg } from '../messages/format-message.js';
import { inCode, q } from '../text/quote.js';
import type { AssetFileResult } from '../validate-asset-file.js';
import type { AuditState } from './audit-state.js';

/** The ways a link may be written after `asset-link:`, as the rules read them. */
function writtenForms(link: string): string[] {
  return [link, `<${link}>`, `"${link}"`, `'${link}'`, `"<${link}>"`, `'<${link}>'`];
}

/**
 * The `asset-link` lines to rewrite from what the audit saw: a link that moved for good (301, 308)
 * to where the bytes still have the file's own `asset-sha256`. Only a line that holds exactly that
 * link is rewritten; anything else is left for a person.
 */
export function movedLinkFindings(
  result: AssetFileResult,
  lines: readonly string[],
  state: AuditState,
): Finding[] {
  const findings: Finding[] = [];
  for (const asset of result.facts?.assets ?? []) {
    if (asset.link === undefined || asset.sha256 === undefined) continue;
    const record = state.links.get(asset.link);
    if (!record?.movedTo || record.state !== 'alive' || record.sha256 !== asset.sha256.toLowerCase())
      continue;
    const { line, column } = asset.linkAt;
    const text = lines[(line ?? 0) - 1];
    if (line === undefined || column === undefined || text === undefined) continue;
    const before = text.slice(0, column - 1);
    const written = text.slice(column - 1).trim();
    if (!writtenForms(asset.link).includes(written)) continue;
    const message = msg('audit.asset-moved', { link: q(asset.link), target: q(record.movedTo), same: 'yes' });
    const fix = msg('audit.asset-moved.fix', { target: inCode(record.movedTo) });
    findings.push({
      rule: 'link-format',
      severity: 'warning',
      path: result.path,
      line,
      column,
      message: formatMessage(message, 'en'),
      fix: formatMessage(fix, 'en'),
      edits: [{ line, text: `${before}<${inCode(record.movedTo)}>` }],
      origin: 'stricter',
      i18n: { message, fix },
    });
  }
  return findings;
}
