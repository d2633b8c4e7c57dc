import type { Finding } from '../findings.js';
import { formatMessage, msg } from '../messages/format-message.js';
import { inLanguage } from '../messages/localize-finding.js';
import type { Language } from '../messages/message-spec.js';
import type { ReviewReport } from './review-report.js';

/** A line annotation of a check run, as GitHub's and Gitee's check-run APIs take it. */
export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/** Both APIs take annotations in batches of at most this many per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

/** Every finding of the report as an annotation on its line (the file's first line when it has none). */
export function annotationsOf(report: ReviewReport, language: Language): Annotation[] {
  return report.files.flatMap((file) => file.findings.map((finding) => toAnnotation(finding, language)));
}

function toAnnotation(original: Finding, language: Language): Annotation {
  const finding = inLanguage(original, language);
  const line = finding.line ?? 1;
  const annotation: Annotation = {
    path: finding.path,
    start_line: line,
    end_line: line,
    annotation_level: LEVEL[finding.severity],
    title: finding.rule,
    message: finding.fix
      ? formatMessage(msg('report.annotation-fix', { message: finding.message, fix: finding.fix }), language)
      : finding.message,
  };
  if (finding.column !== undefined) {
    annotation.start_column = finding.column;
    annotation.end_column = finding.column;
  }
  return annotation;
}

/** Annotations in the batches the APIs take. */
export function annotationBatches(annotations: readonly Annotation[]): Annotation[][] {
  const batches: Annotation[][] = [];
  for (let index = 0; index < annotations.length; index += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
  return batches;
}
