import { type FileFindings, type FindingsSummary, summarize } from '../findings.js';

export interface ReviewReport {
  files: FileFindings[];
  summary: FindingsSummary;
  /** The command the report tells contributors to run (see local-command.ts); none when unknown. */
  localCommand?: string;
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
  localCommand?: string,
): ReviewReport {
  const summary = summarize(files);
  if (checkedFiles !== undefined) summary.files = checkedFiles;
  return localCommand === undefined ? { files, summary } : { files, summary, localCommand };
}

export function verdictOf(summary: FindingsSummary): Verdict {
  if (summary.errors > 0) return 'failure';
  if (summary.warnings > 0 || summary.notices > 0) return 'neutral';
  return 'success';
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning" — only the counts that are not zero. */
export function describeCounts(summary: FindingsSummary): string {
  const parts = [
    summary.errors > 0 ? plural(summary.errors, 'error') : '',
    summary.warnings > 0 ? plural(summary.warnings, 'warning') : '',
    summary.notices > 0 ? plural(summary.notices, 'notice') : '',
  ].filter((part) => part !== '');
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}
