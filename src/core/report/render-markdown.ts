import type { FileFindings, Finding, Severity } from '../findings.js';
import { RULES_BY_ID } from '../rules/rule-catalog.js';
import { codeSpan, renderMessage } from './markdown-escape.js';
import { describeCounts, plural, type ReviewReport, verdictOf } from './review-report.js';

/** The hidden marker that identifies the bot's one sticky comment. */
export const COMMENT_MARKER = '<!-- mshub-review -->';

/**
 * Comments and check-run summaries hold at most 65,536 characters; room is kept for the verdict
 * marker the sticky comment adds after the text.
 */
export const REVIEW_TEXT_LIMIT = 65_000;

export interface MarkdownOptions {
  /** The commit the review is about; named in the comment so readers know what it covers. */
  headSha?: string;
  /** A link to a line of a file at the reviewed commit (Gitee has no line annotations). */
  lineLink?: (path: string, line: number) => string;
  /** The longest text to return; errors are kept whole before anything else is shown. */
  maxLength?: number;
  /** How many fixes were posted as one-click suggestions on the changed lines (GitHub). */
  suggested?: number;
  /** Show the corrected lines under each fixable finding (Gitee, which has no suggestions). */
  showCorrectedLines?: boolean;
}

/** In the sticky comment when suggestions were posted, so the next review knows to look for them. */
export const SUGGESTED_MARKER = '<!-- mshub-review:suggested -->';

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const VERDICT_ICON = { success: '✅', neutral: '⚠️', failure: '❌' } as const;
const SHA = /^[0-9a-f]{7,64}$/i;

/** How much of the review fits: everything, errors with the other findings counted, or errors in short. */
type Detail = 'full' | 'errors' | 'errors-short';

/**
 * The review as the bot posts it: the same text for GitHub, Gitee and `validate --format markdown`.
 * Errors come first, file by file; a warning that several files share is listed once, folded; and
 * when the text would pass the comment limit, warnings go before any error does.
 */
export function renderMarkdown(report: ReviewReport, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? REVIEW_TEXT_LIMIT;
  for (const detail of ['full', 'errors', 'errors-short'] as const) {
    const text = renderAt(report, options, detail);
    if (text.length <= limit) return text;
  }
  return cutAtLine(renderAt(report, options, 'errors-short'), limit, report.localCommand);
}

function renderAt(report: ReviewReport, options: MarkdownOptions, detail: Detail): string {
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
  if (options.suggested)
    lines.push(
      '',
      `💡 ${options.suggested === 1 ? 'One fix is' : `${options.suggested} fixes are`} offered as a suggestion on the lines you changed: open **Files changed** and press **Commit suggestion**. ${SUGGESTED_MARKER}`,
    );

  const withFindings = report.files.filter((file) => file.findings.length > 0);
  const errorFiles = withFindings.filter((file) =>
    file.findings.some((finding) => finding.severity === 'error'),
  );
  for (const file of errorFiles) {
    lines.push('', `#### ${codeSpan(file.path)}`, '');
    for (const finding of file.findings.filter((item) => item.severity === 'error'))
      lines.push(...renderFinding(finding, options, detail === 'errors-short'));
  }

  const others = withFindings.flatMap((file) =>
    file.findings.filter((finding) => finding.severity !== 'error'),
  );
  if (others.length > 0 && detail === 'full') {
    // After the errors, the other findings under a heading of their own, so no file seems listed twice.
    if (errorFiles.length > 0) lines.push('', '#### Warnings and notices');
    lines.push(...renderOtherFindings(withFindings, options, errorFiles.length > 0 ? '#####' : '####'));
  } else if (others.length > 0)
    lines.push(
      '',
      `${others.length} ${others.length === 1 ? 'warning or notice is' : 'warnings or notices are'} not shown here, to leave room for the errors: ${
        report.localCommand === undefined
          ? 'fix the errors, and the next review shows them'
          : `run ${codeSpan(`${report.localCommand} validate <file>`)} to see them`
      }.`,
    );

  const passing = report.files.length - withFindings.length;
  if (verdict !== 'success' && passing > 0)
    lines.push('', `${plural(passing, 'other file')} passed every check.`);
  if (verdict === 'failure') {
    lines.push(
      '',
      `Fix the errors and push again; this comment is updated on every push.${localAdvice(report)}`,
    );
    lines.push('', 'Comment `/recheck` to run the review again.');
  } else if (verdict === 'neutral') {
    lines.push('', `Warnings do not block the merge, but please fix them if you can.${localAdvice(report)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The commands that help, when the hub has one that works for a contributor. */
function localAdvice({ localCommand, files }: ReviewReport): string {
  if (localCommand === undefined) return '';
  const fixable = files.reduce(
    (count, file) => count + file.findings.filter((finding) => finding.edits !== undefined).length,
    0,
  );
  const fix =
    fixable === 0
      ? ''
      : ` ${codeSpan(`${localCommand} fix <file>`)} makes the ${plural(fixable, 'change')} that need no decision for you.`;
  return ` Run ${codeSpan(`${localCommand} validate <file>`)} in your hub checkout to check locally first.${fix}`;
}

/**
 * Warnings and notices after the errors: one that several files share word for word is listed
 * once, in a folded list of where it is; the rest under their file.
 */
function renderOtherFindings(
  files: readonly FileFindings[],
  options: MarkdownOptions,
  heading: string,
): string[] {
  const groups = new Map<string, Finding[]>();
  for (const file of files)
    for (const finding of file.findings) {
      if (finding.severity === 'error') continue;
      const key = `${finding.rule}\n${finding.message}\n${finding.fix ?? ''}`;
      const group = groups.get(key) ?? [];
      group.push(finding);
      groups.set(key, group);
    }
  const shared = [...groups.values()].filter(
    (group) => new Set(group.map((finding) => finding.path)).size > 1,
  );
  const sharedSet = new Set(shared.flat());
  const lines: string[] = [];
  for (const file of files) {
    const own = file.findings.filter((finding) => finding.severity !== 'error' && !sharedSet.has(finding));
    if (own.length === 0) continue;
    lines.push('', `${heading} ${codeSpan(file.path)}`, '');
    for (const finding of own) lines.push(...renderFinding(finding, options, false));
  }
  for (const group of shared) {
    const [first] = group;
    if (!first) continue;
    const fileCount = new Set(group.map((finding) => finding.path)).size;
    lines.push(
      '',
      '<details>',
      `<summary>${ICON[first.severity]} ${codeSpan(ruleOf(first))} in ${plural(fileCount, 'file')}: ${renderMessage(first.message)}</summary>`,
      '',
    );
    if (first.fix) lines.push(`**Fix:** ${renderMessage(first.fix)}`, '');
    for (const finding of group) lines.push(`- ${codeSpan(finding.path)} ${where(finding, options)}`);
    lines.push('', '</details>');
  }
  return lines;
}

function where(finding: Finding, options: MarkdownOptions): string {
  if (finding.line === undefined) return 'File';
  return options.lineLink
    ? `[Line ${finding.line}](${options.lineLink(finding.path, finding.line)})`
    : `Line ${finding.line}`;
}

function ruleOf(finding: Finding): string {
  return RULES_BY_ID.has(finding.rule) ? finding.rule : 'unknown-rule';
}

/** The file's lines as the fix writes them, ready to copy, under the finding. */
function correctedLines(finding: Finding): string[] {
  const edits = [...(finding.edits ?? [])].sort((a, b) => a.line - b.line);
  return edits.flatMap((edit) => {
    if (edit.text === null) return [`  Delete line ${edit.line}.`];
    const fence = '`'.repeat(Math.max(2, ...(edit.text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const caption = edit.text.includes('\n')
      ? `Line ${edit.line} becomes these lines:`
      : `Line ${edit.line} becomes:`;
    return [
      `  ${caption}`,
      '',
      `  ${fence}yaml`,
      ...edit.text.split('\n').map((text) => `  ${text}`),
      `  ${fence}`,
    ];
  });
}

function renderFinding(finding: Finding, options: MarkdownOptions, short: boolean): string[] {
  const message =
    short && finding.message.length > 200 ? `${finding.message.slice(0, 199)}…` : finding.message;
  const out = [
    `- ${ICON[finding.severity]} **${where(finding, options)}** ${codeSpan(ruleOf(finding))}: ${renderMessage(message)}`,
  ];
  if (finding.fix && !short) out.push(`  **Fix:** ${renderMessage(finding.fix)}`);
  if (options.showCorrectedLines && !short) out.push(...correctedLines(finding));
  return out;
}

/**
 * The last resort, when even the errors in short do not fit: a cut at the end of a line (inside one
 * it could leave a code span open, which would swallow the note, or split a character in two).
 */
function cutAtLine(text: string, limit: number, localCommand: string | undefined): string {
  const note =
    localCommand === undefined
      ? '\n\n… (cut here: the review is longer than a comment can hold)\n'
      : `\n\n… (cut here; run ${codeSpan(`${localCommand} validate`)} for every finding)\n`;
  const lineEnd = text.lastIndexOf('\n', limit - note.length);
  return `${text.slice(0, lineEnd === -1 ? 0 : lineEnd)}${note}`;
}
