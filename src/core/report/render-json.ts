import type { ReviewReport } from './review-report.js';

/** `{ files: [{ path, findings }], summary: { files, errors, warnings, notices } }`, as DESIGN.md fixes it. */
export function renderJson(report: ReviewReport): string {
  return `${JSON.stringify({ files: report.files, summary: report.summary }, null, 2)}\n`;
}
