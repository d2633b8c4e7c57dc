import type { ReplayGuard } from './replay-guard.js';
import type { WebhookOutcome } from './webhook-http.js';
import { QUEUE_UNAVAILABLE } from './webhook-intents-reply.js';

/**
 * What an authenticated delivery may spend on the replay guard and the queue before it is answered.
 * GitHub gives up on a webhook after 10 s; answering 503 well before lets every platform redeliver.
 */
export const ADMISSION_DEADLINE_MS = 1_500;

/** The replay keys one delivery claims; each is taken back if the delivery is not accepted. */
export interface DeliveryClaims {
  /** True the first time the key is seen (and it is now this delivery's). */
  claim(key: string): Promise<boolean>;
}

export interface AdmissionOptions {
  replays: ReplayGuard;
  /** For the log: "GitHub", "Gitee", "GitCode". */
  platform: string;
  deadlineMs?: number;
  log?: { error(data: object, message: string): void } | undefined;
}

/**
 * Runs what an authenticated delivery does with the replay guard and the queue, and makes the
 * answer safe for the sender: whenever they fail or do not answer in time (Redis refusing
 * connections or frozen), the answer is 503, which every platform redelivers, never a 4xx it treats
 * as final; the keys the delivery claimed are taken back, so that the redelivery is not refused as
 * a replay. Nothing answered 2xx is lost, and nothing answered 503 is remembered.
 */
export async function admitDelivery(
  options: AdmissionOptions,
  work: (claims: DeliveryClaims) => Promise<WebhookOutcome>,
): Promise<WebhookOutcome> {
  const claimed: string[] = [];
  const claims: DeliveryClaims = {
    claim: async (key) => {
      // Counted as claimed before the answer: a claim that fails or times out may still be stored
      // (a frozen Redis runs it later), and must be taken back then.
      claimed.push(key);
      const fresh = await options.replays.firstUse(key);
      if (!fresh) claimed.splice(claimed.lastIndexOf(key), 1);
      return fresh;
    },
  };
  const deadlineMs = options.deadlineMs ?? ADMISSION_DEADLINE_MS;
  const running = work(claims);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), deadlineMs);
  });
  const result = await Promise.race([
    running.then(
      (outcome) => ({ outcome }),
      (error: unknown) => ({ error }),
    ),
    timedOut,
  ]);
  clearTimeout(timer);
  if (result !== 'timeout' && !('error' in result) && result.outcome.reply.status < 500)
    return result.outcome;

  const reason =
    result === 'timeout'
      ? `no answer from the replay guard or the queue within ${deadlineMs} ms`
      : 'error' in result
        ? describe(result.error)
        : String(result.outcome.reply.body.error ?? `status ${result.outcome.reply.status}`);
  options.log?.error(
    { reason },
    `${options.platform} webhook answered 503: the delivery was not accepted and will be redelivered`,
  );
  // Once the work has settled (a late claim is taken back too), so that the redelivery is new.
  void running
    .catch(() => undefined)
    .finally(() => Promise.allSettled(claimed.map((key) => options.replays.forget(key))));
  return result !== 'timeout' && !('error' in result) ? result.outcome : QUEUE_UNAVAILABLE;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
}
