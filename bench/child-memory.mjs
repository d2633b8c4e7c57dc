// What a bench child reports of its own memory.
import { readFileSync } from 'node:fs';

/** Peak resident memory of this process (VmHWM); getrusage's maxrss can carry the parent's over from fork. */
export function peakRssMiB() {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

/**
 * What the process holds, not what the collector has yet to free: the heap after a full collection
 * (the process runs with --expose-gc). Read the peak first: the collection is not free of memory.
 */
export function heldHeapMiB() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
