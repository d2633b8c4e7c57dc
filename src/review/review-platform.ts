import type { RepoConfig } from '../config/repo-config.js';
import type { ReviewReport } from '../core/report/review-report.js';
import type { HubContext } from '../core/rules/rule-context.js';

export interface ChangedFile {
  path: string;
  /** added, modified, removed, renamed, ... as the platform says. */
  status: string;
}

/** Reads a pull request and the hub repository around it; one implementation per platform. */
export interface PullRequestSource {
  /** The pull request's number and current head commit. */
  currentHead(): Promise<{ pullNumber: number; headSha: string } | undefined>;
  listChangedFiles(pullNumber: number): Promise<ChangedFile[]>;
  /** The file at `ref`, cut at `maxBytes + 1`; undefined when it does not exist. */
  readFile(path: string, ref: string, maxBytes: number): Promise<Uint8Array | undefined>;
  /** The hub's images and asset paths at `ref`, for the rules that look beyond one file. */
  hubContext(ref: string): Promise<HubContext>;
  /** `.github/mshub-review.yml` of the hub repository (its default branch, never the pull request). */
  loadConfig(): Promise<RepoConfig>;
}

/** Reports a review back; one implementation per platform. */
export interface ReviewReporter {
  started(headSha: string): Promise<void>;
  completed(headSha: string, report: ReviewReport): Promise<void>;
  /** A newer commit was pushed while this one was reviewed: its result is not posted. */
  superseded(headSha: string): Promise<void>;
  /** The review could not finish; say why rather than stay silent. */
  failed(headSha: string, reason: string): Promise<void>;
  /**
   * The head commit changes no asset file, so there is nothing to review: a verdict the reporter
   * gave an earlier commit (a label, on Gitee) must not seem to vouch for this one.
   */
  unreviewed?(headSha: string): Promise<void>;
}
