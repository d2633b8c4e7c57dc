import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReviewRequest } from '../review/review-request.js';

/** Where the embedded queue keeps the reviews it has accepted and not finished. */
export interface ReviewJournal {
  load(): Promise<ReviewRequest[]>;
  save(requests: readonly ReviewRequest[]): Promise<void>;
}

const FIELDS = ['platform', 'owner', 'repo', 'deliveryId', 'trigger'] as const;

function isReviewRequest(value: unknown): value is ReviewRequest {
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return FIELDS.every((field) => typeof record[field] === 'string');
}

/**
 * The journal in one JSON file, replaced whole (written aside, then renamed) so that a crash
 * mid-write leaves the previous version. A file that cannot be read is an empty journal.
 */
export class FileReviewJournal implements ReviewJournal {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async load(): Promise<ReviewRequest[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const value: unknown = JSON.parse(text);
      return Array.isArray(value) ? value.filter(isReviewRequest) : [];
    } catch (error) {
      this.onError(error);
      return [];
    }
  }

  /** Writes in order: the last state saved is the one on disk. */
  save(requests: readonly ReviewRequest[]): Promise<void> {
    const text = `${JSON.stringify(requests)}\n`;
    this.writing = this.writing.then(() => this.write(text)).catch(this.onError);
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const aside = `${this.file}.${process.pid}.tmp`;
    await writeFile(aside, text);
    await rename(aside, this.file);
  }
}
