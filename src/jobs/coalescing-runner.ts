/**
 * Runs one job per key at a time; requests that arrive while it runs collapse into one more run with
 * the newest value. A burst of merges therefore makes at most two syncs: the running one, then the
 * newest commit.
 */
export class CoalescingRunner<T> {
  private readonly running = new Map<string, Promise<void>>();
  private readonly pending = new Map<string, T>();

  constructor(
    private readonly run: (key: string, value: T) => Promise<void>,
    private readonly onError: (error: unknown, key: string, value: T) => void = () => {},
  ) {}

  /** `queued` when it will run next, `coalesced` when it replaced a waiting request. */
  submit(key: string, value: T): 'started' | 'queued' | 'coalesced' {
    if (this.running.has(key)) {
      const outcome = this.pending.has(key) ? 'coalesced' : 'queued';
      this.pending.set(key, value);
      return outcome;
    }
    this.start(key, value);
    return 'started';
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private start(key: string, value: T): void {
    const job = this.run(key, value)
      .catch((error: unknown) => this.onError(error, key, value))
      .finally(() => {
        this.running.delete(key);
        const next = this.pending.get(key);
        if (next !== undefined) {
          this.pending.delete(key);
          this.start(key, next);
        }
      });
    this.running.set(key, job);
  }
}
