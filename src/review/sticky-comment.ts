import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language } from '../core/messages/message-spec.js';
import { codeSpan, escapeMarkdown } from '../core/report/markdown-escape.js';
import { COMMENT_MARKER, type MarkdownOptions, renderMarkdown } from '../core/report/render-markdown.js';
import {
  type CommentLanguage,
  firstLanguage,
  type ReviewReport,
  type Verdict,
  verdictOf,
} from '../core/report/review-report.js';

export type CommentId = number | string;

export interface ExistingComment {
  /** A number on GitHub and Gitee; GitCode may send a string. */
  id: CommentId;
  body: string;
  /** Written by the bot itself (others can copy the marker, but the bot never edits their comments). */
  byBot: boolean;
}

export type CommentWrite =
  | { kind: 'create' }
  | { kind: 'skip' }
  | { kind: 'update'; id: CommentId }
  /** The verdict flipped: post anew so the contributor is notified, then delete the old one. */
  | { kind: 'replace'; id: CommentId };

/**
 * The verdict the bot wrote, read only where the bot writes it: at the very end. A value quoted in
 * the review (a code span keeps `<!--` as is) could hold a copy of the marker earlier in the body.
 */
const VERDICT_MARKER = /<!-- mshub-review:verdict=(success|neutral|failure) -->\n?$/;

const verdictMarker = (verdict: Verdict) => `<!-- mshub-review:verdict=${verdict} -->\n`;

/** The sticky comment body: the review, then a hidden verdict so the next review knows whether it flipped. */
export function stickyCommentBody(
  report: ReviewReport,
  options: MarkdownOptions,
): { body: string; verdict: Verdict } {
  const verdict = verdictOf(report.summary);
  return { body: `${renderMarkdown(report, options)}${verdictMarker(verdict)}`, verdict };
}

/** The sticky comment that says a review could not finish (reviewFailureText under a failure heading). */
export function failedCommentBody(headSha: string, reason: string, language: CommentLanguage): string {
  const title = formatMessage(msg('report.failed-title'), firstLanguage(language));
  return `${COMMENT_MARKER}\n### ❌ ${title}\n\n${reviewFailureText(headSha, reason, language)}\n${verdictMarker('failure')}`;
}

/**
 * Why a review could not finish, for the contributor (every platform says the same): the reason is
 * escaped, as it may quote an API's answer.
 */
export function reviewFailureText(headSha: string, reason: string, language: CommentLanguage = 'en'): string {
  const text = (one: Language) =>
    `${formatMessage(msg('report.failed-text', { sha: codeSpan(headSha.slice(0, 40)), reason: escapeMarkdown(reason) }), one)}\n\n${formatMessage(msg('report.failed-not-yours'), one)}`;
  return language === 'zh+en' ? `${text('zh')}\n\n${text('en')}` : text(language);
}

/** How to bring the one sticky comment up to date, writing as little as possible. */
export function decideCommentWrite(
  comments: readonly ExistingComment[],
  body: string,
  verdict: Verdict,
): CommentWrite {
  const ours = comments.filter((comment) => comment.byBot && comment.body.startsWith(COMMENT_MARKER)).at(-1);
  if (!ours) return { kind: 'create' };
  if (ours.body === body) return { kind: 'skip' };
  return VERDICT_MARKER.exec(ours.body)?.[1] === verdict
    ? { kind: 'update', id: ours.id }
    : { kind: 'replace', id: ours.id };
}

/** A pull request's comments as one platform keeps them: what the sticky-comment upsert needs. */
export interface CommentStore {
  /** Every comment of the pull request, each marked whether the bot wrote it. */
  list(): Promise<ExistingComment[]>;
  create(body: string): Promise<void>;
  update(id: CommentId, body: string): Promise<void>;
  remove(id: CommentId): Promise<void>;
}

/**
 * Brings the bot's one comment up to date on any platform: writes nothing when it already says
 * this, edits it in place, or (when the verdict flipped) posts anew and deletes the old one so the
 * contributor is notified. Returns the body the comment had before, when there was one.
 */
export async function upsertStickyComment(
  store: CommentStore,
  body: string,
  verdict: Verdict,
): Promise<string | undefined> {
  const comments = await store.list();
  const write = decideCommentWrite(comments, body, verdict);
  if (write.kind === 'skip') return body;
  if (write.kind === 'create') {
    await store.create(body);
    return undefined;
  }
  const previous = comments.find((comment) => comment.id === write.id)?.body;
  if (write.kind === 'update') await store.update(write.id, body);
  else {
    await store.create(body);
    await store.remove(write.id);
  }
  return previous;
}
