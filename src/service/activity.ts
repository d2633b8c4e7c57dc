import type { ReviewRecord, SyncRecord } from '../jobs/activity-records.js';

export type { ReviewRecord, SyncRecord };

export interface AuditSummary {
  finishedAt: number;
  links: { alive: number; dead: number; unknown: number };
  faults: Record<string, number>;
  newFaults: number;
}

/** An audit going on in this process: how far it is. */
export interface AuditRunning {
  startedAt: number;
  linksDone: number;
  links: number;
  hashedBytes: number;
}

const RECENT = 50;
/** Upper bounds (seconds) of the review duration histogram. */
export const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800];

export class Activity {
  readonly reviews: ReviewRecord[] = [];
  readonly syncs: SyncRecord[] = [];
  readonly reviewsByOutcome = new Map<string, number>();
  readonly durationBuckets = DURATION_BUCKETS.map(() => 0);
  durationCount = 0;
  durationSum = 0;
  readonly lastSyncAt = new Map<string, number>();
  /** The last finished audit of each hub: links by state, open faults by kind, and when it finished. */
  readonly audits = new Map<string, AuditSummary>();
  /** The audits this process is running now, by hub (a long audit shows how far it is). */
  readonly auditsRunning = new Map<string, AuditRunning>();
  /** Also told of every record: the Redis log that all processes share. */
  onRecord: ((kind: 'review' | 'sync', record: ReviewRecord | SyncRecord) => void) | undefined;

  recordReview(record: ReviewRecord): void {
    this.reviews.unshift(record);
    this.reviews.length = Math.min(this.reviews.length, RECENT);
    this.reviewsByOutcome.set(record.outcome, (this.reviewsByOutcome.get(record.outcome) ?? 0) + 1);
    const seconds = record.durationMs / 1000;
    DURATION_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) this.durationBuckets[index] = (this.durationBuckets[index] ?? 0) + 1;
    });
    this.durationCount++;
    this.durationSum += seconds;
    this.onRecord?.('review', record);
  }

  recordAudit(hub: string, summary: AuditSummary): void {
    this.audits.set(hub, summary);
  }

  /** How far the hub's running audit is; undefined when it ended (finished or stopped). */
  recordAuditProgress(hub: string, running: AuditRunning | undefined): void {
    if (running) this.auditsRunning.set(hub, running);
    else this.auditsRunning.delete(hub);
  }

  recordSync(record: SyncRecord): void {
    this.syncs.unshift(record);
    this.syncs.length = Math.min(this.syncs.length, RECENT);
    this.lastSyncAt.set(record.hub, record.at);
    this.onRecord?.('sync', record);
  }
}
