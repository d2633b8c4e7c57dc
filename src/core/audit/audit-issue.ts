import { formatMessage, msg } from '../messages/format-message.js';
import { REVIEW_TEXT_LIMIT } from '../report/render-markdown.js';
import { type CommentLanguage, firstLanguage } from '../report/review-report.js';
import { type AuditReport, renderAuditMarkdown } from './audit-report.js';

/** Marks the one issue the audit keeps up to date on a hub repository. */
export const AUDIT_ISSUE_MARKER = '<!-- mshub-review:audit -->';

export function auditIssueTitle(language: CommentLanguage): string {
  return formatMessage(msg('audit.issue-title'), firstLanguage(language));
}

/**
 * The tracking issue's text: the marker, then the audit in the hub's language (Chinese first and
 * the English folded below it for `zh+en`), within the platform's length limit.
 */
export function auditIssueBody(
  report: AuditReport,
  language: CommentLanguage,
  limit = REVIEW_TEXT_LIMIT,
): string {
  const one = (which: 'en' | 'zh') => renderAuditMarkdown(report, which);
  const candidates =
    language === 'zh+en'
      ? [
          `${one('zh')}\n<details>\n<summary>${formatMessage(msg('report.english-version'), 'zh')}</summary>\n\n${one('en')}\n</details>\n`,
          one('zh'),
        ]
      : [one(language)];
  for (const text of candidates)
    if (text.length + AUDIT_ISSUE_MARKER.length + 1 <= limit) return `${AUDIT_ISSUE_MARKER}\n${text}`;
  const note = `\n\n${formatMessage(msg('audit.issue-cut'), firstLanguage(language))}\n`;
  const text = candidates.at(-1) as string;
  const cut = text.slice(0, limit - AUDIT_ISSUE_MARKER.length - 1 - note.length);
  return `${AUDIT_ISSUE_MARKER}\n${cut.slice(0, cut.lastIndexOf('\n'))}${note}`;
}
