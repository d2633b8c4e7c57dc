/** How a restarted server looks for the reviews it left unfinished. */
export interface PendingReviewOptions {
  now: () => number;
  /** An open pull request with no review at all is reviewed if it changed this recently. */
  recentMs: number;
  /** The most recently updated open pull requests looked at in each repository. */
  maxPullsPerRepository: number;
  /** A repository that could not be read; the others are still looked at. */
  onError: (error: unknown, repository: string) => void;
}

export const DEFAULT_PENDING_REVIEW_OPTIONS = {
  recentMs: 24 * 3600_000,
  maxPullsPerRepository: 100,
} as const;
