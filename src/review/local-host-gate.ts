import type { HostBounds, HostGate } from './audit-link.js';

/**
 * The pauses hosts asked for and their rate, in this process (the audit without Redis): its loops
 * already bound the requests at once to each host, so a turn waits for the host's pause to end and,
 * with a rate, for its slot (links spaced evenly, a second over the rate).
 */
export class LocalHostGate implements HostGate {
  private readonly until = new Map<string, number>();
  private readonly nextSlot = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async hold<T>(host: string, bounds: HostBounds, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (;;) {
      const wait = (this.until.get(host) ?? 0) - this.clock();
      if (wait <= 0 || signal?.aborted) break;
      await sleep(wait, signal);
    }
    if (bounds.perSecond) {
      const now = this.clock();
      const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
      this.nextSlot.set(host, slot + 1000 / bounds.perSecond);
      if (slot > now) await sleep(slot - now, signal);
    }
    return work();
  }

  async pause(host: string, ms: number): Promise<void> {
    this.until.set(host, Math.max(this.until.get(host) ?? 0, this.clock() + ms));
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
