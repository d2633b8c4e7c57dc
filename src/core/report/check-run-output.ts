import { formatMessage, msg } from '../messages/format-message.js';
import { type Annotation, annotationsOf } from './annotations.js';
import { COMMENT_MARKER, type MarkdownOptions, renderMarkdown } from './render-markdown.js';
import {
  type CommentLanguage,
  describeCounts,
  firstLanguage,
  type ReviewReport,
  type Verdict,
  verdictOf,
} from './review-report.js';

/** The check run's name on every platform that has check runs (a protected branch can require it). */
export const CHECK_NAME = 'mshub-review';

export interface CheckRunOutput {
  conclusion: Verdict;
  title: string;
  /** The review as the comment has it, without the comment's marker. */
  summary: string;
  annotations: Annotation[];
}

/** A review as a completed check run: verdict, title, summary and line annotations, in the hub's language. */
export function checkRunOutput(
  report: ReviewReport,
  language: CommentLanguage,
  options: Pick<MarkdownOptions, 'headSha' | 'lineLink'> = {},
): CheckRunOutput {
  const conclusion = verdictOf(report.summary);
  const one = firstLanguage(language);
  const { files } = report.summary;
  return {
    conclusion,
    title: formatMessage(
      conclusion === 'success'
        ? msg('report.check-title-pass', { files })
        : msg('report.check-title-findings', { counts: describeCounts(report.summary), files }),
      one,
    ),
    summary: renderMarkdown(report, { ...options, language }).replace(`${COMMENT_MARKER}\n`, ''),
    annotations: annotationsOf(report, one),
  };
}
