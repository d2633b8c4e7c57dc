import { type FileFindings, type FindingsSummary, summarize } from '../findings.js';
import { msg } from '../messages/format-message.js';
import type { Language, Message } from '../messages/message-spec.js';

/** The language of the bot's comment: one, or Chinese first with the English folded below it. */
export type CommentLanguage = 'en' | 'zh' | 'zh+en';

/** The language of a title or a line written once: the first of the comment's languages. */
export function firstLanguage(language: CommentLanguage): Language {
  return language === 'en' ? 'en' : 'zh';
}

export interface ReviewReport {
  files: FileFindings[];
  summary: FindingsSummary;
  /** The command the report tells contributors to run (see local-command.ts); none when unknown. */
  localCommand?: string;
  /** Where a contributor downloads that command, when it is the bot's own single-file build. */
  cliUrl?: string;
  /** The hub's `language:` setting; each platform has its default when there is none. */
  language?: CommentLanguage;
}

/** failure: errors; neutral: only warnings or notices; success: nothing found. */
export type Verdict = 'success' | 'neutral' | 'failure';

/**
 * `checkedFiles`: how many files were read and checked, when some entries of `files` are not files
 * that were checked (a notice that the review stopped at its limit, a path that was refused).
 */
export function buildReport(
  files: FileFindings[],
  checkedFiles?: number,
  options: {
    localCommand?: string | undefined;
    cliUrl?: string | undefined;
    language?: CommentLanguage | undefined;
  } = {},
): ReviewReport {
  const summary = summarize(files);
  if (checkedFiles !== undefined) summary.files = checkedFiles;
  const report: ReviewReport = { files, summary };
  if (options.localCommand !== undefined) report.localCommand = options.localCommand;
  if (options.cliUrl !== undefined) report.cliUrl = options.cliUrl;
  if (options.language !== undefined) report.language = options.language;
  return report;
}

export function verdictOf(summary: FindingsSummary): Verdict {
  if (summary.errors > 0) return 'failure';
  if (summary.warnings > 0 || summary.notices > 0) return 'neutral';
  return 'success';
}

/** "2 errors and 1 warning": only the counts that are not zero. */
export function describeCounts(summary: FindingsSummary): Message {
  const parts = [
    summary.errors > 0 ? msg('report.errors', { count: summary.errors }) : undefined,
    summary.warnings > 0 ? msg('report.warnings', { count: summary.warnings }) : undefined,
    summary.notices > 0 ? msg('report.notices', { count: summary.notices }) : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? msg('report.counts', { parts }) : msg('report.no-problems');
}
