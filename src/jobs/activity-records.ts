/** What an operator sees: recent reviews and syncs, and the counters behind /metrics. */
export interface ReviewRecord {
  at: number;
  platform: string;
  repository: string;
  pullNumber?: number;
  headSha?: string;
  trigger: string;
  outcome: string;
  durationMs: number;
}

export interface SyncRecord {
  at: number;
  hub: string;
  commit: string;
  models: number;
  invalid: number;
  published: boolean;
  durationMs: number;
}
