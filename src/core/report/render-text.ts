import type { Finding, Severity } from '../findings.js';
import { formatMessage, msg } from '../messages/format-message.js';
import { inLanguage } from '../messages/localize-finding.js';
import type { Language, Message } from '../messages/message-spec.js';
import { stripInvisible } from '../text/quote.js';
import { describeCounts, type ReviewReport, verdictOf } from './review-report.js';

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

export interface TextOptions {
  /** The text of a line of a file, for the code frame under a finding. */
  sourceLine?: (path: string, line: number) => string | undefined;
  /** Errors only (`--quiet`). */
  quiet?: boolean;
  /** English unless said otherwise (`--lang`). */
  language?: Language;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
/** Around the column, at most this much of a long line is shown. */
const FRAME_WIDTH = 100;

/**
 * The path once per file, then its findings, errors first: `line:col rule-id severity: message`, the
 * source line with a caret under the column (as rustc and ESLint's codeframe show it), and the fix.
 */
export function renderText(
  report: ReviewReport,
  style: TextStyle = PLAIN_STYLE,
  options: TextOptions = {},
): string {
  const language = options.language ?? 'en';
  const t = (message: Message) => formatMessage(message, language);
  const lines: string[] = [];
  let shownFiles = 0;
  for (const file of report.files) {
    const findings = file.findings
      .filter((finding) => !options.quiet || finding.severity === 'error')
      .map((finding) => inLanguage(finding, language))
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0));
    if (findings.length === 0) continue;
    shownFiles++;
    lines.push(style.bold(clean(file.path)));
    for (const finding of findings) lines.push(...renderFinding(finding, style, options, t));
    lines.push('');
  }
  const { summary } = report;
  const verdict = verdictOf(summary);
  const hidden = options.quiet && summary.warnings + summary.notices > 0 ? t(msg('report.text-quiet')) : '';
  const shown = options.quiet ? shownFiles : report.files.filter((file) => file.findings.length > 0).length;
  lines.push(
    verdict === 'success'
      ? `✔ ${t(msg('report.text-pass', { files: summary.files }))}`
      : `${verdict === 'failure' ? '✖' : '⚠'} ${t(
          msg('report.text-findings', { counts: describeCounts(summary), shown, files: summary.files }),
        )}${hidden}`,
  );
  return `${lines.join('\n')}\n`;
}

function renderFinding(
  finding: Finding,
  style: TextStyle,
  options: TextOptions,
  t: (message: Message) => string,
): string[] {
  const location =
    finding.line === undefined
      ? t(msg('report.text-file'))
      : `${finding.line}${finding.column === undefined ? '' : `:${finding.column}`}`;
  const severity = `${t(msg(`report.severity-${finding.severity}`))}:`;
  const out = [
    `  ${location} ${finding.rule} ${style.severity(finding.severity, severity)} ${clean(finding.message)}`,
  ];
  const source = finding.line === undefined ? undefined : options.sourceLine?.(finding.path, finding.line);
  // A blank line (where a finding about the whole front matter points) shows nothing worth a frame.
  if (source !== undefined && source.trim() !== '' && finding.line !== undefined)
    out.push(...codeFrame(source, finding.line, finding.column, style));
  if (finding.fix) out.push(style.dim(`    ${t(msg('report.text-fix'))} ${clean(finding.fix)}`));
  return out;
}

/** `   5 | model-name：albert` and a caret under the column, counting wide (CJK) characters as two. */
function codeFrame(source: string, line: number, column: number | undefined, style: TextStyle): string[] {
  const text = stripInvisible(source.replace(/\t/g, ' '));
  const at = Math.max(0, (column ?? 1) - 1);
  const start = Math.max(0, Math.min(at - FRAME_WIDTH / 2, text.length - FRAME_WIDTH));
  const shown = `${start > 0 ? '…' : ''}${text.slice(start, start + FRAME_WIDTH)}${start + FRAME_WIDTH < text.length ? '…' : ''}`;
  const gutter = `    ${line} | `;
  const frame = [style.dim(gutter) + shown];
  if (column !== undefined) {
    const before = `${start > 0 ? '…' : ''}${text.slice(start, at)}`;
    frame.push(
      `${style.dim(`${' '.repeat(gutter.length - 2)}| `)}${' '.repeat(displayWidth(before))}${style.bold('^')}`,
    );
  }
  return frame;
}

/** Terminal columns: East Asian wide and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

function clean(text: string): string {
  return text.replace(CONTROL, ' ');
}
