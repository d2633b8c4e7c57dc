import type { Finding } from '../../core/findings.js';
import { COMMENT_MARKER, renderMarkdown } from '../../core/report/render-markdown.js';
import {
  describeCounts,
  plural,
  type ReviewReport,
  type Verdict,
  verdictOf,
} from '../../core/report/review-report.js';
import type { ReviewReporter } from '../../review/review-platform.js';
import { decideCommentWrite, reviewFailureText, stickyCommentBody } from '../../review/sticky-comment.js';
import type { Octokit } from './github-auth.js';

export const CHECK_NAME = 'mshub-review';
const ANNOTATIONS_PER_REQUEST = 50;
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

interface CheckRunState {
  id: number;
  status: string;
  conclusion: string | null;
  title?: string | null;
  summary?: string | null;
}

/**
 * Reports to GitHub: one check run named `mshub-review` per head commit, with line annotations, and
 * one sticky comment found by its hidden marker. Identical writes are skipped; a comment whose verdict
 * flips is posted anew (and the old one deleted) so the contributor is notified.
 */
export class GitHubReporter implements ReviewReporter {
  private run: CheckRunState | undefined;

  constructor(
    private readonly octokit: Octokit,
    private readonly target: { owner: string; repo: string; pullNumber: () => number | undefined },
  ) {}

  async started(headSha: string): Promise<void> {
    const { owner, repo } = this.target;
    const { data } = await this.octokit.rest.checks.listForRef({
      owner,
      repo,
      ref: headSha,
      check_name: CHECK_NAME,
      filter: 'latest',
    });
    const existing = data.check_runs[0];
    if (existing) {
      this.run = {
        id: existing.id,
        status: existing.status,
        conclusion: existing.conclusion,
        title: existing.output.title,
        summary: existing.output.summary,
      };
      return;
    }
    const { data: created } = await this.octokit.rest.checks.create({
      owner,
      repo,
      name: CHECK_NAME,
      head_sha: headSha,
      status: 'in_progress',
      output: {
        title: 'Reviewing the asset files',
        summary: 'mshub-review is checking the changed asset files.',
      },
    });
    this.run = { id: created.id, status: 'in_progress', conclusion: null };
  }

  async completed(headSha: string, report: ReviewReport): Promise<void> {
    const verdict = verdictOf(report.summary);
    const title =
      verdict === 'success'
        ? `All ${plural(report.summary.files, 'asset file')} pass`
        : `${describeCounts(report.summary)} in ${plural(report.summary.files, 'asset file')}`;
    const summary = renderMarkdown(report, { headSha }).replace(`${COMMENT_MARKER}\n`, '');
    const annotations = report.files.flatMap((file) => file.findings.map(toAnnotation));
    await this.finishCheckRun(headSha, { conclusion: verdict, title, summary, annotations });
    const comment = stickyCommentBody(report, { headSha });
    await this.upsertComment(comment.body, comment.verdict);
  }

  async superseded(headSha: string): Promise<void> {
    if (this.run?.status !== 'in_progress') return;
    await this.finishCheckRun(headSha, {
      conclusion: 'cancelled',
      title: 'Superseded by a newer commit',
      summary:
        'A newer commit was pushed while this one was reviewed; see the check run of the newest commit.',
      annotations: [],
    });
  }

  async failed(headSha: string, reason: string): Promise<void> {
    await this.finishCheckRun(headSha, {
      conclusion: 'failure',
      title: 'mshub-review could not finish',
      summary: reviewFailureText(headSha, reason),
      annotations: [],
    });
  }

  private async finishCheckRun(
    headSha: string,
    result: {
      conclusion: Verdict | 'cancelled' | 'failure';
      title: string;
      summary: string;
      annotations: Annotation[];
    },
  ): Promise<void> {
    const { owner, repo } = this.target;
    const run = this.run;
    if (
      run?.status === 'completed' &&
      run.conclusion === result.conclusion &&
      run.title === result.title &&
      run.summary === result.summary
    ) {
      return;
    }
    const batches: Annotation[][] = [];
    for (let index = 0; index < result.annotations.length; index += ANNOTATIONS_PER_REQUEST) {
      batches.push(result.annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
    }
    const output = (annotations: Annotation[] = []) => ({
      title: result.title,
      summary: result.summary,
      annotations,
    });
    const completion = {
      status: 'completed' as const,
      conclusion: result.conclusion,
      completed_at: new Date().toISOString(),
    };

    // Annotations accumulate on a check run, so a finished run is never rewritten: a new one is made.
    let id: number;
    if (run && run.status !== 'completed') {
      id = run.id;
      await this.octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: id,
        ...completion,
        output: output(batches[0]),
      });
    } else {
      const { data } = await this.octokit.rest.checks.create({
        owner,
        repo,
        name: CHECK_NAME,
        head_sha: headSha,
        ...completion,
        output: output(batches[0]),
      });
      id = data.id;
    }
    for (const batch of batches.slice(1)) {
      await this.octokit.rest.checks.update({ owner, repo, check_run_id: id, output: output(batch) });
    }
    this.run = {
      id,
      status: 'completed',
      conclusion: result.conclusion,
      title: result.title,
      summary: result.summary,
    };
  }

  private async upsertComment(body: string, verdict: Verdict): Promise<void> {
    const { owner, repo } = this.target;
    const issue_number = this.target.pullNumber();
    if (issue_number === undefined) return;
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number,
      per_page: 100,
    });
    const write = decideCommentWrite(
      comments.map((comment) => ({
        id: comment.id,
        body: comment.body ?? '',
        byBot: comment.user?.type === 'Bot',
      })),
      body,
      verdict,
    );
    if (write.kind === 'skip') return;
    if (write.kind === 'update') {
      await this.octokit.rest.issues.updateComment({ owner, repo, comment_id: write.id, body });
      return;
    }
    await this.octokit.rest.issues.createComment({ owner, repo, issue_number, body });
    if (write.kind === 'replace')
      await this.octokit.rest.issues.deleteComment({ owner, repo, comment_id: write.id });
  }
}

type Annotation = {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
};

function toAnnotation(finding: Finding): Annotation {
  const line = finding.line ?? 1;
  const annotation: Annotation = {
    path: finding.path,
    start_line: line,
    end_line: line,
    annotation_level: LEVEL[finding.severity],
    title: finding.rule,
    message: finding.fix ? `${finding.message}\nFix: ${finding.fix}` : finding.message,
  };
  if (finding.column !== undefined) {
    annotation.start_column = finding.column;
    annotation.end_column = finding.column;
  }
  return annotation;
}
