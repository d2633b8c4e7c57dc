import cronParser from 'cron-parser';
import { MshubError } from '../core/errors.js';

/** setTimeout's longest wait (about 24.8 days); a later run is reached in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface AuditScheduleOptions {
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * Runs the audit at the times a cron expression names (parsed by cron-parser, as BullMQ's job
 * schedulers parse theirs, in UTC), one run at a time; a run still going when the next time comes
 * makes that time pass. `stop` aborts the run in hand, which keeps what it did for the next start.
 */
export class AuditSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private readonly now: () => Date;

  constructor(
    readonly expression: string,
    private readonly run: (signal: AbortSignal) => Promise<void>,
    private readonly options: AuditScheduleOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.nextAt();
  }

  /** The next time the expression names after now; throws CONFIG_INVALID for an expression it cannot read. */
  nextAt(): Date {
    try {
      return cronParser
        .parseExpression(this.expression, { currentDate: this.now(), utc: true })
        .next()
        .toDate();
    } catch (error) {
      throw new MshubError(
        'CONFIG_INVALID',
        `AUDIT_SCHEDULE ${JSON.stringify(this.expression)} is not a cron expression (minute hour day month weekday): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /** Waits for the next time; with `runNow`, runs at once first (an audit a stop left unfinished). */
  start(runNow = false): void {
    if (runNow) this.fire();
    else this.arm();
  }

  /** Whether a run is going on now. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.running;
  }

  private arm(): void {
    if (this.stopping.signal.aborted) return;
    const wait = this.nextAt().getTime() - this.now().getTime();
    this.timer = setTimeout(
      () => (wait > LONGEST_TIMER_MS ? this.arm() : this.fire()),
      Math.max(0, Math.min(wait, LONGEST_TIMER_MS)),
    );
    this.timer.unref();
  }

  private fire(): void {
    if (this.running || this.stopping.signal.aborted) {
      this.arm();
      return;
    }
    this.running = this.run(this.stopping.signal)
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        this.running = undefined;
        this.arm();
      });
  }
}
