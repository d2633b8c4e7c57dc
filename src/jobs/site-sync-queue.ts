import type { SiteSyncRequest } from '../site/site-sync-request.js';
import { CoalescingRunner } from './coalescing-runner.js';
import { drainWithin } from './shutdown.js';

export type SyncSubmitOutcome = 'started' | 'queued' | 'coalesced';
export type SiteSyncRunner = (hub: string, request: SiteSyncRequest) => Promise<void>;

/** Site syncs of one hub never run at once, and a burst of merges becomes one sync of the newest. */
export interface SiteSyncQueue {
  submit(hub: string, request: SiteSyncRequest): Promise<SyncSubmitOutcome>;
  /** Resolves when no sync is queued or running (tests, shutdown). */
  idle(): Promise<void>;
  /** Waits for the syncs in hand, at most `graceMs` when given (a sync cut short reruns at the next merge). */
  close(graceMs?: number): Promise<void>;
}

/** In this process: the running sync plus, at most, the newest request waiting behind it. */
export class EmbeddedSiteSyncQueue implements SiteSyncQueue {
  private readonly runner: CoalescingRunner<SiteSyncRequest>;

  constructor(run: SiteSyncRunner, onError: (error: unknown, hub: string) => void) {
    this.runner = new CoalescingRunner(run, onError);
  }

  async submit(hub: string, request: SiteSyncRequest): Promise<SyncSubmitOutcome> {
    return this.runner.submit(hub, request);
  }

  idle(): Promise<void> {
    return this.runner.idle();
  }

  async close(graceMs?: number): Promise<void> {
    await drainWithin(() => this.runner.idle(), graceMs, new AbortController());
  }
}
