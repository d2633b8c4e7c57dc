import { setMaxListeners } from 'node:events';
import { shutdownError } from '../core/errors.js';

/**
 * The work's result, or a SHUTTING_DOWN error as soon as `signal` aborts. The work itself goes on
 * unawaited (nothing can stop a request in flight from outside); a review checks the same signal
 * before it reports, so what is left of it posts nothing, and the process exits soon after.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(shutdownError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(shutdownError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Listeners one job in hand puts on its worker's shutdown signal at most (its wait, its lease, its work). */
const LISTENERS_PER_JOB = 4;

/**
 * The shutdown of a worker that runs `concurrency` jobs at once, each listening for it: that many
 * listeners are no leak, so Node is told to expect them instead of warning past ten.
 */
export function workerShutdown(concurrency: number): AbortController {
  const controller = new AbortController();
  setMaxListeners(Math.max(10, concurrency * LISTENERS_PER_JOB), controller.signal);
  return controller;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Waits for `settled` up to `graceMs`; past it, aborts `controller` (the work in hand stops and is
 * set aside) and waits for what is left to settle.
 */
export async function drainWithin(
  settled: () => Promise<unknown>,
  graceMs: number | undefined,
  controller: AbortController,
): Promise<void> {
  if (graceMs === undefined) {
    await settled();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, graceMs);
  });
  await Promise.race([settled(), deadline]);
  clearTimeout(timer);
  controller.abort();
  await settled();
}
