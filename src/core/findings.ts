import type { Message } from './messages/message-spec.js';

export type Severity = 'error' | 'warning' | 'notice';
export type SeveritySetting = Severity | 'off';

/**
 * A change to one line of the file that fixes a finding on its own, with no decision left to a
 * person: what `mshub-review fix` applies and what a review suggestion shows.
 */
export interface LineEdit {
  line: number;
  /** The line's new text, without its line break (`\n` between lines it adds below); null removes it. */
  text: string | null;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Path relative to the hub root (the folder that holds `mshub_res`), with `/` separators. */
  path: string;
  line?: number;
  column?: number;
  /** In English; `i18n` holds what writes it in another language (see localize-finding.ts). */
  message: string;
  fix?: string;
  edits?: LineEdit[];
  /**
   * `hub`: a reason the hub's own validator, and so `mindspore_hub.load()`, rejects the file.
   * `stricter`: mshub-review's own advice; the hub would load the model all the same.
   */
  origin?: 'hub' | 'stricter';
  i18n?: { message: Message; fix?: Message };
}

export interface FileFindings {
  path: string;
  findings: Finding[];
}

export interface FindingsSummary {
  files: number;
  errors: number;
  warnings: number;
  notices: number;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule)
  );
}

export function summarize(files: readonly FileFindings[]): FindingsSummary {
  const summary: FindingsSummary = { files: files.length, errors: 0, warnings: 0, notices: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
      else summary.notices++;
    }
  }
  return summary;
}
