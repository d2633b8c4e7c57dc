import type { Finding, Severity } from '../findings.js';
import { describeCounts, plural, type ReviewReport, verdictOf } from './review-report.js';

export interface TextStyle {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const PLAIN_STYLE: TextStyle = {
  severity: (_, text) => text,
  dim: (text) => text,
  bold: (text) => text,
};

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** One line per finding, `path:line:col rule-id message`, grouped by file, then a summary line. */
export function renderText(report: ReviewReport, style: TextStyle = PLAIN_STYLE): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    lines.push(style.bold(clean(file.path)));
    for (const finding of file.findings) lines.push(...renderFinding(finding, style));
    lines.push('');
  }
  const { summary } = report;
  const verdict = verdictOf(summary);
  const filesWithFindings = report.files.filter((file) => file.findings.length > 0).length;
  lines.push(
    verdict === 'success'
      ? `✔ ${plural(summary.files, 'file')} checked, no problems`
      : `${verdict === 'failure' ? '✖' : '⚠'} ${describeCounts(summary)} in ${filesWithFindings} of ${plural(summary.files, 'file')}`,
  );
  return `${lines.join('\n')}\n`;
}

function renderFinding(finding: Finding, style: TextStyle): string[] {
  const location = `${clean(finding.path)}${finding.line === undefined ? '' : `:${finding.line}`}${finding.column === undefined ? '' : `:${finding.column}`}`;
  const out = [
    `  ${location} ${finding.rule} ${style.severity(finding.severity, `${finding.severity}:`)} ${clean(finding.message)}`,
  ];
  if (finding.fix) out.push(style.dim(`    fix: ${clean(finding.fix)}`));
  return out;
}

function clean(text: string): string {
  return text.replace(CONTROL, ' ');
}
