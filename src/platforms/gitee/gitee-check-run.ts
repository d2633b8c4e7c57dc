import { type Annotation, annotationBatches } from '../../core/report/annotations.js';
import { CHECK_NAME } from '../../core/report/check-run-output.js';
import { type GiteeApi, GiteeApiError } from './gitee-api.js';

export type CheckConclusion = 'success' | 'neutral' | 'failure' | 'cancelled';

export interface CheckResult {
  conclusion: CheckConclusion;
  title: string;
  /** Markdown. */
  summary: string;
  annotations: readonly Annotation[];
}

/**
 * One check run on Gitee's pull request gate ("Pull Request 门禁检查", help.gitee.com/base/pullrequest/ci-check):
 * `POST /repos/{owner}/{repo}/check-runs` while the review runs, then `PATCH .../check-runs/{id}`
 * with the conclusion, the report and its line annotations, 50 per request. The API needs a token of
 * a repository administrator; when Gitee refuses it, the check run is given up for this review
 * (said through `onError`) and the comment and labels still report.
 */
export class GiteeCheckRun {
  private id: number | undefined;
  private refused = false;

  constructor(
    private readonly api: GiteeApi,
    /** `/repos/{owner}/{repo}`, encoded. */
    private readonly base: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Marks the commit as being reviewed: the run of this name already there, or a new one. */
  async start(headSha: string): Promise<void> {
    await this.guard(async () => {
      const existing = await this.api.request<{ check_runs?: Array<{ id?: number; status?: string }> }>(
        'GET',
        `${this.base}/commits/${encodeURIComponent(headSha)}/check-runs`,
        { query: { check_name: CHECK_NAME }, allow404: true },
      );
      const open = existing?.check_runs?.find(
        (run) => run.status !== 'completed' && Number.isSafeInteger(run.id),
      );
      if (open?.id !== undefined) {
        this.id = open.id;
        return;
      }
      const created = await this.api.request<{ id?: number }>('POST', `${this.base}/check-runs`, {
        body: {
          name: CHECK_NAME,
          head_sha: headSha,
          status: 'in_progress',
          started_at: new Date().toISOString(),
        },
      });
      if (Number.isSafeInteger(created?.id)) this.id = created?.id;
    });
  }

  /** Whether this review's run is open (started, not yet finished). */
  get open(): boolean {
    return this.id !== undefined;
  }

  /** Completes the run with the review; a run never started (or already completed) is created completed. */
  async finish(headSha: string, result: CheckResult): Promise<void> {
    await this.guard(async () => {
      const [first = [], ...rest] = annotationBatches(result.annotations);
      const completion = {
        name: CHECK_NAME,
        status: 'completed',
        conclusion: result.conclusion,
        completed_at: new Date().toISOString(),
        output: { title: result.title, summary: result.summary, annotations: first },
      };
      let id = this.id;
      if (id === undefined) {
        const created = await this.api.request<{ id?: number }>('POST', `${this.base}/check-runs`, {
          body: { ...completion, head_sha: headSha },
        });
        id = created?.id;
      } else {
        await this.api.request('PATCH', `${this.base}/check-runs/${id}`, { body: completion });
      }
      if (id === undefined || !Number.isSafeInteger(id)) return;
      for (const annotations of rest)
        await this.api.request('PATCH', `${this.base}/check-runs/${id}`, {
          body: {
            name: CHECK_NAME,
            output: { title: result.title, summary: result.summary, annotations },
          },
        });
      this.id = undefined;
    });
  }

  /** A refusal of the check-run API (not an administrator's token, no such API) ends its use here. */
  private async guard(call: () => Promise<void>): Promise<void> {
    if (this.refused) return;
    try {
      await call();
    } catch (error) {
      if (!(error instanceof GiteeApiError) || ![401, 403, 404, 405].includes(error.status)) throw error;
      this.refused = true;
      this.onError(error);
    }
  }
}
