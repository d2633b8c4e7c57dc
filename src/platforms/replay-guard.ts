import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type ReplayGuard, replayDigest } from '../core/replay-guard.js';

export type { ReplayGuard };
export { replayDigest };

/** The file's mark for a key taken back: a restart must not refuse that delivery's redelivery. */
const FORGOTTEN = '-';

/**
 * The guard of a process without Redis: keys in memory for the window, and appended to a file so
 * that a restart remembers them (a captured delivery is refused after a restart too). The file is
 * read once, at the first delivery, and rewritten without expired keys when it has grown.
 */
export class FileReplayGuard implements ReplayGuard {
  private readonly seen = new Map<string, number>();
  private loaded: Promise<void> | undefined;
  private lines = 0;

  constructor(
    private readonly file: string,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** A file that cannot be written: the guard goes on in memory, and says so here. */
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async firstUse(key: string): Promise<boolean> {
    this.loaded ??= this.load();
    await this.loaded;
    const now = this.now();
    this.forgetExpired(now);
    const digest = replayDigest(key);
    if (this.seen.has(digest)) return false;
    this.seen.set(digest, now);
    // A state folder that cannot be written must not refuse real deliveries: the guard still holds
    // in memory until the next restart.
    await this.remember(digest, now).catch(this.onError);
    return true;
  }

  async forget(key: string): Promise<void> {
    this.loaded ??= this.load();
    await this.loaded;
    const digest = replayDigest(key);
    if (!this.seen.delete(digest)) return;
    await this.remember(digest, FORGOTTEN).catch(this.onError);
  }

  private forgetExpired(now: number): void {
    // A timestamp is accepted up to a window either side of now, so a key must be kept for two windows.
    for (const [digest, at] of this.seen) {
      if (now - at <= this.windowMs * 2) break;
      this.seen.delete(digest);
    }
  }

  private async load(): Promise<void> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return;
    }
    const now = this.now();
    for (const line of text.split('\n')) {
      const [digest, at] = line.split(' ');
      if (!digest || !/^[0-9a-f]{64}$/.test(digest)) continue;
      const time = Number(at);
      if (at === FORGOTTEN) this.seen.delete(digest);
      else if (now - time <= this.windowMs * 2) this.seen.set(digest, time);
    }
    this.lines = text.split('\n').length;
  }

  private async remember(digest: string, at: number | typeof FORGOTTEN): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    if (this.lines > 1000 && this.lines > this.seen.size * 2) {
      const live = [...this.seen].map(([key, time]) => `${key} ${time}\n`).join('');
      await writeFile(this.file, live);
      this.lines = this.seen.size;
      return;
    }
    await appendFile(this.file, `${digest} ${at}\n`);
    this.lines++;
  }
}
