import type { AssetHashOutcome } from '../core/verification/asset-hash-outcome.js';
import type { DownloadProgress as Progress } from '../net/hash-download.js';

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

interface Active {
  name: string;
  bytes: number;
  total?: number;
  startedAt: number;
  reportedQuarter: number;
}

const REDRAW_EVERY_MS = 100;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Shows downloads on stderr: on a terminal one live bar per download (bytes, rate, ETA), otherwise
 * plain lines when a download starts, at each quarter, and when it ends.
 */
export class DownloadProgressView {
  private readonly active = new Map<string, Active>();
  private drawnLines = 0;
  private lastDraw = 0;

  constructor(
    private readonly out: Output,
    private readonly now: () => number = Date.now,
  ) {}

  update(progress: Progress): void {
    let entry = this.active.get(progress.url);
    if (!entry) {
      entry = { name: displayName(progress.url), bytes: 0, startedAt: this.now(), reportedQuarter: 0 };
      this.active.set(progress.url, entry);
      if (!this.out.isTTY)
        this.out.write(
          `downloading ${entry.name}${progress.total ? ` (${formatBytes(progress.total)})` : ''}\n`,
        );
    }
    entry.bytes = progress.bytes;
    if (progress.total !== undefined) entry.total = progress.total;
    if (this.out.isTTY) {
      if (this.now() - this.lastDraw >= REDRAW_EVERY_MS) this.redraw();
      return;
    }
    const quarter = entry.total ? Math.floor((entry.bytes / entry.total) * 4) : 0;
    if (quarter > entry.reportedQuarter && quarter < 4) {
      entry.reportedQuarter = quarter;
      this.out.write(
        `  ${entry.name}: ${quarter * 25}% (${formatBytes(entry.bytes)}, ${formatRate(entry, this.now())})\n`,
      );
    }
  }

  finish(url: string, outcome: AssetHashOutcome): void {
    const entry = this.active.get(url);
    this.active.delete(url);
    const name = entry?.name ?? displayName(url);
    const line = outcome.ok
      ? `✔ ${name}: ${formatBytes(outcome.bytes)}${entry ? ` in ${((this.now() - entry.startedAt) / 1000).toFixed(1)} s` : ' (already verified)'}`
      : `✖ ${name}: ${outcome.reason.replace(CONTROL, ' ')}`;
    if (this.out.isTTY) {
      this.clear();
      this.out.write(`${line}\n`);
      this.redraw();
    } else {
      this.out.write(`${line}\n`);
    }
  }

  private clear(): void {
    if (this.drawnLines > 0) this.out.write(`\u001b[${this.drawnLines}A\u001b[0J`);
    this.drawnLines = 0;
  }

  private redraw(): void {
    this.clear();
    const now = this.now();
    for (const entry of this.active.values()) this.out.write(`${renderBar(entry, now)}\n`);
    this.drawnLines = this.active.size;
    this.lastDraw = now;
  }
}

function renderBar(entry: Active, now: number): string {
  const width = 24;
  const fraction = entry.total ? Math.min(1, entry.bytes / entry.total) : 0;
  const filled = Math.round(fraction * width);
  const bar = entry.total ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]` : '[downloading]';
  const elapsed = (now - entry.startedAt) / 1000;
  const rate = elapsed > 0 ? entry.bytes / elapsed : 0;
  const eta = entry.total && rate > 0 ? ` ETA ${Math.ceil((entry.total - entry.bytes) / rate)} s` : '';
  const of = entry.total ? ` / ${formatBytes(entry.total)}` : '';
  return `${bar} ${entry.name} ${formatBytes(entry.bytes)}${of} ${formatRate(entry, now)}${eta}`;
}

function formatRate(entry: Active, now: number): string {
  const elapsed = (now - entry.startedAt) / 1000;
  return `${formatBytes(elapsed > 0 ? entry.bytes / elapsed : 0)}/s`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function displayName(url: string): string {
  let name = url;
  try {
    const { pathname, host } = new URL(url);
    name = pathname.slice(pathname.lastIndexOf('/') + 1) || host;
  } catch {}
  return name.replace(CONTROL, ' ').slice(0, 80);
}
