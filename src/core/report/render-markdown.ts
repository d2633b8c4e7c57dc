import type { Finding, Severity } from '../findings.js';
import { RULES_BY_ID } from '../rules/rule-catalog.js';
import { codeSpan, renderMessage } from './markdown-escape.js';
import { describeCounts, plural, type ReviewReport, verdictOf } from './review-report.js';

/** The hidden marker that identifies the bot's one sticky comment. */
export const COMMENT_MARKER = '<!-- mshub-review -->';

export interface MarkdownOptions {
  /** The commit the review is about; named in the comment so readers know what it covers. */
  headSha?: string;
  /** A link to a line of a file at the reviewed commit (Gitee has no line annotations). */
  lineLink?: (path: string, line: number) => string;
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const VERDICT_ICON = { success: '✅', neutral: '⚠️', failure: '❌' } as const;
const SHA = /^[0-9a-f]{7,64}$/i;

/** The review as the bot posts it: the same text for GitHub, Gitee and `validate --format markdown`. */
export function renderMarkdown(report: ReviewReport, options: MarkdownOptions = {}): string {
  const { summary } = report;
  const verdict = verdictOf(summary);
  const lines = [COMMENT_MARKER];
  const checked = plural(summary.files, 'asset file');
  lines.push(
    verdict === 'success'
      ? `### ${VERDICT_ICON.success} mshub-review: ${checked} checked, all pass`
      : `### ${VERDICT_ICON[verdict]} mshub-review: ${describeCounts(summary)} in ${checked}`,
  );
  if (options.headSha && SHA.test(options.headSha))
    lines.push('', `Reviewed commit ${codeSpan(options.headSha)}.`);

  const withFindings = report.files.filter((file) => file.findings.length > 0);
  for (const file of withFindings) {
    lines.push('', `#### ${codeSpan(file.path)}`, '');
    for (const finding of file.findings) lines.push(...renderFinding(finding, options));
  }

  const passing = report.files.length - withFindings.length;
  if (verdict !== 'success' && passing > 0)
    lines.push('', `${plural(passing, 'other file')} passed every check.`);
  if (verdict === 'failure') {
    lines.push(
      '',
      'Fix the errors and push again; this comment is updated on every push. Run `npx mshub-review validate <file>` to check locally first, and comment `/recheck` to run the review again.',
    );
  } else if (verdict === 'neutral') {
    lines.push('', 'Warnings do not block the merge, but please fix them if you can.');
  }
  return `${lines.join('\n')}\n`;
}

function renderFinding(finding: Finding, options: MarkdownOptions): string[] {
  const where =
    finding.line === undefined
      ? 'File'
      : options.lineLink
        ? `[Line ${finding.line}](${options.lineLink(finding.path, finding.line)})`
        : `Line ${finding.line}`;
  const rule = RULES_BY_ID.has(finding.rule) ? finding.rule : 'unknown-rule';
  const out = [
    `- ${ICON[finding.severity]} **${where}** ${codeSpan(rule)}: ${renderMessage(finding.message)}`,
  ];
  if (finding.fix) out.push(`  **Fix:** ${renderMessage(finding.fix)}`);
  return out;
}
