import { defaultRepoConfig, type RepoConfig } from '../../src/config/repo-config.js';
import { hubContextFromPaths } from '../../src/core/hub-path.js';
import type { ReviewReport } from '../../src/core/report/review-report.js';
import type { JobControl } from '../../src/jobs/review-queue.js';
import type { ChangedFile, PullRequestSource, ReviewReporter } from '../../src/review/review-platform.js';
import type { ReviewRequest } from '../../src/review/review-request.js';

/** An in-memory pull request: files by path, and everything the reporter was told. */
export class FakePlatform implements PullRequestSource, ReviewReporter {
  readonly events: Array<{ kind: string; headSha: string; report?: ReviewReport; reason?: string }> = [];
  /** Every path the review asked to read. */
  readonly reads: string[] = [];

  constructor(
    private readonly files: Record<string, string>,
    private readonly config: RepoConfig | Error = defaultRepoConfig(),
    /** The files the pull request changes; all of `files` unless given. */
    private readonly changed: string[] = Object.keys(files),
  ) {}

  async currentHead() {
    return { pullNumber: 1, headSha: 'a'.repeat(40) };
  }
  async listChangedFiles(): Promise<ChangedFile[]> {
    return this.changed.map((path) => ({ path, status: 'added' }));
  }
  async readFile(path: string) {
    this.reads.push(path);
    const text = this.files[path];
    return text === undefined ? undefined : new TextEncoder().encode(text);
  }
  async hubContext() {
    return hubContextFromPaths(Object.keys(this.files));
  }
  async loadConfig() {
    if (this.config instanceof Error) throw this.config;
    return this.config;
  }
  async started(headSha: string) {
    this.events.push({ kind: 'started', headSha });
  }
  async completed(headSha: string, report: ReviewReport) {
    this.events.push({ kind: 'completed', headSha, report });
  }
  async superseded(headSha: string) {
    this.events.push({ kind: 'superseded', headSha });
  }
  async failed(headSha: string, reason: string) {
    this.events.push({ kind: 'failed', headSha, reason });
  }
}

export function control(current = true): JobControl {
  return { isCurrent: async () => current, setHead: async () => {}, lastAttempt: () => true };
}

/** A review of pull request #1 of o/r at head aaaa…, as a webhook would ask for it. */
export const REVIEW_REQUEST: ReviewRequest = {
  platform: 'github',
  owner: 'o',
  repo: 'r',
  pullNumber: 1,
  headSha: 'a'.repeat(40),
  deliveryId: 'd',
  trigger: 't',
};
