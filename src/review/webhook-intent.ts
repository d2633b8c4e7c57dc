import type { SiteSyncRequest } from '../site/site-sync-request.js';
import type { ReviewRequest } from './review-request.js';

/** The pull request a review job is about, without the commit. */
export type PullTarget = Pick<ReviewRequest, 'platform' | 'owner' | 'repo' | 'pullNumber'>;

/**
 * What a webhook event asks the bot to do, whatever the platform: review a pull request head (again,
 * when forced), drop the queued reviews of a closed pull request, or sync the hub site after a merge.
 * Each platform translates its events into intents with a pure function; one place applies them.
 */
export type WebhookIntent =
  | { kind: 'review'; request: ReviewRequest; force: boolean }
  | { kind: 'cancel'; target: PullTarget }
  | { kind: 'sync'; request: SiteSyncRequest };

/** An event the bot acts on (no intents: it has nothing to do), or one it cannot read. */
export type WebhookDecision =
  | { ok: true; intents: WebhookIntent[] }
  | { ok: false; problem: 'unknown-event' | 'bad-payload' };

export const IGNORE: WebhookDecision = { ok: true, intents: [] };

/** Applies intents: to the review queue and the site sync (the service layer implements it). */
export interface IntentSink {
  /** The outcome of the last intent (`queued`, `cancelled`, `started`, ...), or `ignored` for none. */
  apply(intents: readonly WebhookIntent[]): Promise<string>;
}

/** `/recheck` (or `/retest`) at the start of a comment asks for a review of the current head. */
/** A payload field compared whatever its case; anything but a string (a number, an object) is none. */
export function lowerCased(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

export const RECHECK_COMMAND = /^\s*\/(recheck|retest)\b/i;

/** A head commit as platforms write it: hex, 7 to 64 digits. */
export const COMMIT_SHA = /^[0-9a-f]{7,64}$/i;
