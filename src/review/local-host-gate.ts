import { setTimeout as sleep } from 'node:timers/promises';
import { type HostBounds, type HostGate, slotSpacingMs } from './audit-link.js';

/**
 * The pauses hosts asked for and their rate, in this process (the audit without Redis): its loops
 * already bound the requests at once to each host, so a turn waits for the host's pause to end and,
 * with a rate, for its slot.
 */
export class LocalHostGate implements HostGate {
  private readonly until = new Map<string, number>();
  private readonly nextSlot = new Map<string, number>();

  async hold<T>(host: string, bounds: HostBounds, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    for (;;) {
      const wait = (this.until.get(host) ?? 0) - Date.now();
      if (wait <= 0 || signal?.aborted) break;
      await rest(wait, signal);
    }
    const spacing = slotSpacingMs(bounds);
    if (spacing > 0) {
      const now = Date.now();
      const slot = Math.max(now, this.nextSlot.get(host) ?? 0);
      this.nextSlot.set(host, slot + spacing);
      if (slot > now) await rest(slot - now, signal);
    }
    return work();
  }

  async pause(host: string, ms: number): Promise<void> {
    this.until.set(host, Math.max(this.until.get(host) ?? 0, Date.now() + ms));
  }
}

/** Waits `ms`, or less when `signal` stops the audit (what is in hand then ends its turn). */
function rest(ms: number, signal?: AbortSignal): Promise<void> {
  return sleep(ms, undefined, signal ? { signal } : {}).catch(() => undefined);
}
