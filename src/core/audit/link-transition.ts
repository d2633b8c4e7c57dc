import type { LinkRecord, LinkValidators } from './audit-state.js';

/** What one look at a link found. */
export type LinkObservation =
  | { ok: true; validators: LinkValidators; movedTo?: string; sha256?: string }
  /**
   * final: the server said the file is gone; otherwise it could not be asked (try again later).
   * unresolved: the host name did not resolve, which is final only if the network answered others.
   */
  | {
      ok: false;
      final: boolean;
      reason: string;
      unresolved?: boolean;
      /** The host asked to be left alone this long (429 or 503, with or without Retry-After). */
      retryAfterMs?: number;
    };

/** The digest of a download, or why there is none (final: the file is gone, not merely unreachable now). */
export type AuditHash =
  | { ok: true; sha256: string; bytes: number }
  | { ok: false; final: boolean; tooLarge?: boolean; unresolved?: boolean; reason: string };

/** The record after an observation: what changed is kept with its date, what was known stays known. */
export function nextLinkRecord(
  previous: LinkRecord | undefined,
  observation: LinkObservation,
  now: Date,
  run: string,
): LinkRecord {
  const at = now.toISOString();
  const kept: Partial<LinkRecord> = {};
  for (const key of ['validators', 'sha256', 'hashedAt', 'replaced', 'lastAliveAt', 'movedTo'] as const)
    if (previous?.[key] !== undefined) (kept as Record<string, unknown>)[key] = previous[key];
  if (!observation.ok) {
    const deadSince = observation.final ? (previous?.deadSince ?? at) : previous?.deadSince;
    return {
      ...kept,
      state: observation.final ? 'dead' : 'unknown',
      checkedAt: at,
      reason: observation.reason,
      ...(deadSince === undefined ? {} : { deadSince }),
      run,
    };
  }
  const record: LinkRecord = {
    ...kept,
    state: 'alive',
    checkedAt: at,
    validators: observation.validators,
    lastAliveAt: at,
    run,
  };
  delete record.movedTo;
  if (observation.movedTo !== undefined) record.movedTo = observation.movedTo;
  if (observation.sha256 !== undefined) {
    if (previous?.sha256 !== undefined && previous.sha256 !== observation.sha256)
      record.replaced = { sha256: previous.sha256, seenAt: at };
    record.sha256 = observation.sha256;
    record.hashedAt = at;
  }
  return record;
}

/** True when the server describes the same bytes as before: every validator both sides have agrees. */
export function sameValidators(before: LinkValidators | undefined, now: LinkValidators): boolean {
  if (!before) return false;
  const compared = (['etag', 'lastModified', 'contentLength'] as const).filter(
    (key) => before[key] !== undefined && now[key] !== undefined,
  );
  return compared.length > 0 && compared.every((key) => before[key] === now[key]);
}
