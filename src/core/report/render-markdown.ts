import type { FileFindings, Finding, Severity } from '../findings.js';
import { DOWNLOADED_CLI_COMMAND } from '../local-command.js';
import { formatMessage, msg } from '../messages/format-message.js';
import { inLanguage } from '../messages/localize-finding.js';
import type { Language, Message } from '../messages/message-spec.js';
import { RULES_BY_ID } from '../rules/rule-catalog.js';
import { codeSpan, renderMessage } from './markdown-escape.js';
import { type CommentLanguage, describeCounts, type ReviewReport, verdictOf } from './review-report.js';

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
  /** The language when the report names none (its hub's `language:` setting); English by default. */
  language?: CommentLanguage;
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
  const language = report.language ?? options.language ?? 'en';
  if (language !== 'zh+en') return renderOne(report, options, language, limit);
  // Chinese first, the English folded below; when both do not fit, the Chinese alone.
  for (const detail of DETAILS) {
    const text = `${renderAt(report, options, detail, 'zh')}${foldedEnglish(renderAt(report, options, detail, 'en'))}`;
    if (text.length <= limit) return text;
  }
  const note = `\n${formatMessage(msg('report.english-left-out'), 'zh')}\n`;
  return `${renderOne(report, options, 'zh', limit - note.length)}${note}`;
}

const DETAILS: readonly Detail[] = ['full', 'errors', 'errors-short'];

function renderOne(
  report: ReviewReport,
  options: MarkdownOptions,
  language: Language,
  limit: number,
): string {
  for (const detail of DETAILS) {
    const text = renderAt(report, options, detail, language);
    if (text.length <= limit) return text;
  }
  return cutAtLine(renderAt(report, options, 'errors-short', language), limit, report.localCommand, language);
}

/** The English review under the Chinese one, folded; without a second marker. */
function foldedEnglish(english: string): string {
  const body = english.startsWith(`${COMMENT_MARKER}\n`) ? english.slice(COMMENT_MARKER.length + 1) : english;
  return `\n<details>\n<summary>${formatMessage(msg('report.english-version'), 'zh')}</summary>\n\n${body}\n</details>\n`;
}

function renderAt(
  report: ReviewReport,
  options: MarkdownOptions,
  detail: Detail,
  language: Language,
): string {
  const t = (message: Message) => formatMessage(message, language);
  const { summary } = report;
  const verdict = verdictOf(summary);
  const lines = [COMMENT_MARKER];
  lines.push(
    verdict === 'success'
      ? t(msg('report.heading-pass', { icon: VERDICT_ICON.success, files: summary.files }))
      : t(
          msg('report.heading-findings', {
            icon: VERDICT_ICON[verdict],
            counts: describeCounts(summary),
            files: summary.files,
          }),
        ),
  );
  if (options.headSha && SHA.test(options.headSha))
    lines.push('', t(msg('report.reviewed-commit', { sha: codeSpan(options.headSha) })));
  if (options.suggested)
    lines.push('', `${t(msg('report.suggested', { count: options.suggested }))} ${SUGGESTED_MARKER}`);
  const files = language === 'en' ? report.files : report.files.map((file) => localizedFile(file, language));

  const withFindings = files.filter((file) => file.findings.length > 0);
  const errorFiles = withFindings.filter((file) =>
    file.findings.some((finding) => finding.severity === 'error'),
  );
  for (const file of errorFiles) {
    lines.push('', `#### ${codeSpan(file.path)}`, '');
    for (const finding of file.findings.filter((item) => item.severity === 'error'))
      lines.push(...renderFinding(finding, options, detail === 'errors-short', t));
  }

  const others = withFindings.flatMap((file) =>
    file.findings.filter((finding) => finding.severity !== 'error'),
  );
  if (others.length > 0 && detail === 'full') {
    // After the errors, the other findings under a heading of their own, so no file seems listed twice.
    if (errorFiles.length > 0) lines.push('', `#### ${t(msg('report.warnings-heading'))}`);
    lines.push(...renderOtherFindings(withFindings, options, errorFiles.length > 0 ? '#####' : '####', t));
  } else if (others.length > 0)
    lines.push(
      '',
      t(
        report.localCommand === undefined
          ? msg('report.others-hidden', { count: others.length })
          : msg('report.others-hidden-command', {
              count: others.length,
              command: codeSpan(`${report.localCommand} validate <file>`),
            }),
      ),
    );

  const passing = files.length - withFindings.length;
  if (verdict !== 'success' && passing > 0)
    lines.push('', t(msg('report.others-passed', { count: passing })));
  if (verdict === 'failure') {
    lines.push('', joined(t(msg('report.failure-advice')), localAdvice(report, t), language));
    lines.push('', t(msg('report.recheck')));
  } else if (verdict === 'neutral') {
    lines.push('', joined(t(msg('report.neutral-advice')), localAdvice(report, t), language));
  }
  return `${lines.join('\n')}\n`;
}

/** Sentences one after the other: a space between English ones, none between Chinese ones. */
function joined(first: string, rest: string, language: Language): string {
  if (rest === '') return first;
  return language === 'zh' ? `${first}${rest}` : `${first} ${rest}`;
}

function localizedFile(file: FileFindings, language: Language): FileFindings {
  return { ...file, findings: file.findings.map((finding) => inLanguage(finding, language)) };
}

/** The commands that help, when the hub has one that works for a contributor. */
function localAdvice({ localCommand, files, cliUrl }: ReviewReport, t: (message: Message) => string): string {
  if (localCommand === undefined) return '';
  // The bot's own build: first how to get it, in one line, with curl and with Windows PowerShell.
  const download =
    cliUrl === undefined || localCommand !== DOWNLOADED_CLI_COMMAND
      ? ''
      : t(
          msg('report.local-download', {
            curl: codeSpan(`curl -fsSLO ${cliUrl}`),
            powershell: codeSpan(`Invoke-WebRequest ${cliUrl} -OutFile mshub-review.mjs`),
          }),
        );
  const advice = localCommandAdvice(localCommand, files, t);
  if (download === '') return advice;
  return download.endsWith('。') ? `${download}${advice}` : `${download} ${advice}`;
}

function localCommandAdvice(
  localCommand: string,
  files: ReviewReport['files'],
  t: (message: Message) => string,
): string {
  const fixable = files.reduce(
    (count, file) => count + file.findings.filter((finding) => finding.edits !== undefined).length,
    0,
  );
  const validate = t(msg('report.local-validate', { command: codeSpan(`${localCommand} validate <file>`) }));
  if (fixable === 0) return validate;
  const fix = t(msg('report.local-fix', { command: codeSpan(`${localCommand} fix <file>`), count: fixable }));
  return validate.endsWith('。') ? `${validate}${fix}` : `${validate} ${fix}`;
}

/**
 * Warnings and notices after the errors: one that several files share word for word is listed
 * once, in a folded list of where it is; the rest under their file.
 */
function renderOtherFindings(
  files: readonly FileFindings[],
  options: MarkdownOptions,
  heading: string,
  t: (message: Message) => string,
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
    for (const finding of own) lines.push(...renderFinding(finding, options, false, t));
  }
  for (const group of shared) {
    const [first] = group;
    if (!first) continue;
    const fileCount = new Set(group.map((finding) => finding.path)).size;
    lines.push(
      '',
      '<details>',
      `<summary>${t(
        msg('report.shared-summary', {
          icon: ICON[first.severity],
          rule: codeSpan(ruleOf(first)),
          files: fileCount,
          message: renderMessage(first.message),
        }),
      )}</summary>`,
      '',
    );
    if (first.fix) lines.push(`${t(msg('report.fix-label'))} ${renderMessage(first.fix)}`, '');
    for (const finding of group) lines.push(`- ${codeSpan(finding.path)} ${where(finding, options, t)}`);
    lines.push('', '</details>');
  }
  return lines;
}

function where(finding: Finding, options: MarkdownOptions, t: (message: Message) => string): string {
  if (finding.line === undefined) return t(msg('report.file'));
  const label = t(msg('report.line', { line: finding.line }));
  return options.lineLink ? `[${label}](${options.lineLink(finding.path, finding.line)})` : label;
}

function ruleOf(finding: Finding): string {
  return RULES_BY_ID.has(finding.rule) ? finding.rule : 'unknown-rule';
}

/** The file's lines as the fix writes them, ready to copy, under the finding. */
function correctedLines(finding: Finding, t: (message: Message) => string): string[] {
  const edits = [...(finding.edits ?? [])].sort((a, b) => a.line - b.line);
  return edits.flatMap((edit) => {
    if (edit.text === null) return [`  ${t(msg('report.delete-line', { line: edit.line }))}`];
    const fence = '`'.repeat(Math.max(2, ...(edit.text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const caption = t(
      msg(edit.text.includes('\n') ? 'report.line-becomes-lines' : 'report.line-becomes', {
        line: edit.line,
      }),
    );
    return [
      `  ${caption}`,
      '',
      `  ${fence}yaml`,
      ...edit.text.split('\n').map((text) => `  ${text}`),
      `  ${fence}`,
    ];
  });
}

function renderFinding(
  finding: Finding,
  options: MarkdownOptions,
  short: boolean,
  t: (message: Message) => string,
): string[] {
  const message =
    short && finding.message.length > 200 ? `${finding.message.slice(0, 199)}…` : finding.message;
  const out = [
    `- ${ICON[finding.severity]} **${where(finding, options, t)}** ${codeSpan(ruleOf(finding))}: ${renderMessage(message)}`,
  ];
  if (finding.fix && !short) out.push(`  ${t(msg('report.fix-label'))} ${renderMessage(finding.fix)}`);
  if (options.showCorrectedLines && !short) out.push(...correctedLines(finding, t));
  return out;
}

/**
 * The last resort, when even the errors in short do not fit: a cut at the end of a line (inside one
 * it could leave a code span open, which would swallow the note, or split a character in two).
 */
function cutAtLine(
  text: string,
  limit: number,
  localCommand: string | undefined,
  language: Language,
): string {
  const note = `\n\n${formatMessage(
    localCommand === undefined
      ? msg('report.cut')
      : msg('report.cut-command', { command: codeSpan(`${localCommand} validate`) }),
    language,
  )}\n`;
  const lineEnd = text.lastIndexOf('\n', limit - note.length);
  return `${text.slice(0, lineEnd === -1 ? 0 : lineEnd)}${note}`;
}
