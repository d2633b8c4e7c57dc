import { createHash } from 'node:crypto';

/** Says whether a webhook delivery's key is new: a captured delivery sent again is refused. */
export interface ReplayGuard {
  /** True the first time a key is seen within the window (and remembers it). */
  firstUse(key: string): Promise<boolean>;
  /**
   * Takes a key back: the delivery it stood for was answered with an error (Redis away, the queue
   * full), so its sender's redelivery must be accepted.
   */
  forget(key: string): Promise<void>;
}

/** Keys are kept as digests: a delivery's token is replayable within the window and must not sit on disk. */
export function replayDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
