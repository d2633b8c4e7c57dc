import type { Finding } from '../findings.js';
import { inLanguage } from '../messages/localize-finding.js';
import type { Language } from '../messages/message-spec.js';
import { renderMessage } from './markdown-escape.js';
import type { ReviewReport } from './review-report.js';

/** Marks the bot's suggestion comments, so a later review finds them again. */
export const SUGGESTION_MARKER = '<!-- mshub-review:suggestion -->';

/** GitHub renders a review with many comments slowly; the sticky comment lists the rest. */
export const MAX_SUGGESTIONS = 30;

/** A review comment holds at most 65,536 characters. */
const MAX_BODY = 60_000;

/** A review comment whose ```suggestion block replaces lines `startLine`..`line` of `path`. */
export interface Suggestion {
  path: string;
  line: number;
  /** The first line, when the suggestion replaces more than one. */
  startLine?: number;
  body: string;
}

/**
 * The fixable findings as one-click suggestions, on lines the pull request added only. A finding
 * qualifies when its edits cover a run of consecutive lines, so the block replaces exactly them.
 */
export function planSuggestions(
  report: ReviewReport,
  addedLines: ReadonlyMap<string, ReadonlySet<number>>,
  language: Language = 'en',
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const taken = new Set<string>();
  for (const file of report.files) {
    const added = addedLines.get(file.path);
    if (!added) continue;
    for (const finding of file.findings) {
      const range = editedRange(finding);
      if (!range) continue;
      const lines = Array.from({ length: range.last - range.first + 1 }, (_, index) => range.first + index);
      if (!lines.every((line) => added.has(line))) continue;
      // Two findings on one line would offer two suggestions that undo each other: `fix` applies both.
      if (lines.some((line) => taken.has(`${file.path}:${line}`))) continue;
      const body = suggestionBody(inLanguage(finding, language), range.text);
      if (body.length > MAX_BODY) continue;
      for (const line of lines) taken.add(`${file.path}:${line}`);
      const suggestion: Suggestion = { path: file.path, line: range.last, body };
      if (range.first !== range.last) suggestion.startLine = range.first;
      suggestions.push(suggestion);
      if (suggestions.length === MAX_SUGGESTIONS) return suggestions;
    }
  }
  return suggestions;
}

function editedRange(finding: Finding): { first: number; last: number; text: string[] } | undefined {
  const edits = [...(finding.edits ?? [])].sort((a, b) => a.line - b.line);
  const first = edits[0];
  const last = edits.at(-1);
  if (!first || !last || last.line - first.line + 1 !== edits.length) return undefined;
  const text = edits.flatMap((edit) => (edit.text === null ? [] : edit.text.split('\n')));
  return { first: first.line, last: last.line, text };
}

function suggestionBody(finding: Finding, lines: readonly string[]): string {
  const content = lines.join('\n');
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return [
    SUGGESTION_MARKER,
    `**${finding.rule}**: ${renderMessage(finding.message)}`,
    '',
    `${fence}suggestion`,
    ...(lines.length > 0 ? [content] : []),
    fence,
  ].join('\n');
}
