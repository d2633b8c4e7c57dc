import { AUDIT_ISSUE_MARKER } from '../core/audit/audit-issue.js';

/** The issues of one hub repository, as the audit needs them; one implementation per platform. */
export interface IssueTracker {
  /** The open issue the bot itself wrote with this marker at the start, if any. */
  findOwn(marker: string): Promise<{ id: string; body: string; url?: string } | undefined>;
  create(title: string, body: string): Promise<{ id: string; url?: string }>;
  update(id: string, body: string): Promise<void>;
}

export type IssueWrite = { kind: 'created' | 'updated' | 'unchanged'; id: string; url?: string };

/** One tracking issue, updated in place: created the first time, edited only when its text changed. */
export async function upsertAuditIssue(
  tracker: IssueTracker,
  title: string,
  body: string,
): Promise<IssueWrite> {
  const existing = await tracker.findOwn(AUDIT_ISSUE_MARKER);
  const url = (found: { url?: string }) => (found.url === undefined ? {} : { url: found.url });
  if (!existing) {
    const created = await tracker.create(title, body);
    return { kind: 'created', id: created.id, ...url(created) };
  }
  if (existing.body.trim() === body.trim()) return { kind: 'unchanged', id: existing.id, ...url(existing) };
  await tracker.update(existing.id, body);
  return { kind: 'updated', id: existing.id, ...url(existing) };
}
