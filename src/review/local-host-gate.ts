import type { HostGate } from './audit-link.js';

/**
 * The pauses hosts asked for, in this process (the audit without Redis): its loops already bound the
 * requests at once to each host, so a turn only waits for the host's pause to end.
 */
export class LocalHostGate implements HostGate {
  private readonly until = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now) {}

  async hold<T>(host: string, _limit: number, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (;;) {
      const wait = (this.until.get(host) ?? 0) - this.clock();
      if (wait <= 0 || signal?.aborted) break;
      await sleep(wait, signal);
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
