import { formatMessage, msg } from '../../core/messages/format-message.js';
import type { Language, Message } from '../../core/messages/message-spec.js';
import { type Annotation, annotationBatches } from '../../core/report/annotations.js';
import { CHECK_NAME, checkRunOutput } from '../../core/report/check-run-output.js';
import { SUGGESTED_MARKER } from '../../core/report/render-markdown.js';
import { planSuggestions, SUGGESTION_MARKER, type Suggestion } from '../../core/report/render-suggestions.js';
import {
  type CommentLanguage,
  firstLanguage,
  type ReviewReport,
  type Verdict,
} from '../../core/report/review-report.js';
import type { ReviewReporter } from '../../review/review-platform.js';
import { reviewFailureText, stickyCommentBody, upsertStickyComment } from '../../review/sticky-comment.js';
import type { Octokit } from './github-auth.js';

/** On GitHub the bot writes English unless the hub's `language:` says otherwise. */
const DEFAULT_LANGUAGE: CommentLanguage = 'en';

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
    private readonly target: {
      owner: string;
      repo: string;
      pullNumber: () => number | undefined;
      /** The lines the pull request adds, by file: where a suggestion may go. */
      addedLines?: () => ReadonlyMap<string, ReadonlySet<number>>;
    },
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
        title: this.t(msg('report.check-reviewing-title')),
        summary: this.t(msg('report.check-reviewing-summary')),
      },
    });
    this.run = { id: created.id, status: 'in_progress', conclusion: null };
  }

  async completed(headSha: string, report: ReviewReport): Promise<void> {
    const language = report.language ?? DEFAULT_LANGUAGE;
    const one = firstLanguage(language);
    await this.finishCheckRun(headSha, checkRunOutput(report, language, { headSha }));
    const pullNumber = this.target.pullNumber();
    if (pullNumber === undefined) return;
    const suggestions = this.planSuggestions(report, one);
    const comment = stickyCommentBody(report, { headSha, suggested: suggestions.length, language });
    const previous = await this.upsertComment(pullNumber, comment.body, comment.verdict);
    // Earlier suggestions are looked for only where the bot said it made some: no call otherwise.
    if (suggestions.length > 0 || previous?.includes(SUGGESTED_MARKER))
      await this.syncSuggestions(pullNumber, headSha, suggestions, one);
  }

  /** The fixable findings on lines this pull request added, as one-click suggestions. */
  private planSuggestions(report: ReviewReport, language: Language): Suggestion[] {
    const fixable = report.files.some((file) => file.findings.some((finding) => finding.edits !== undefined));
    return fixable ? planSuggestions(report, this.target.addedLines?.() ?? new Map(), language) : [];
  }

  /**
   * One review per head commit with the suggestions not already posted; an earlier suggestion that
   * no longer applies (the push fixed it, or changed its line) is deleted, so none is ever stale.
   */
  private async syncSuggestions(
    pullNumber: number,
    headSha: string,
    suggestions: Suggestion[],
    language: Language,
  ): Promise<void> {
    const { owner, repo } = this.target;
    const posted = (
      await this.octokit.paginate(this.octokit.rest.pulls.listReviewComments, {
        owner,
        repo,
        pull_number: pullNumber,
        per_page: 100,
      })
    ).filter((comment) => comment.user?.type === 'Bot' && comment.body.startsWith(SUGGESTION_MARKER));
    const key = (path: string, line: number | null | undefined, body: string) => `${path}\n${line}\n${body}`;
    const wanted = new Set(suggestions.map((item) => key(item.path, item.line, item.body)));
    const current = new Set<string>();
    for (const comment of posted) {
      // An outdated comment (its line changed since) has no line any more.
      const commentKey = key(comment.path, comment.line, comment.body);
      if (comment.line != null && wanted.has(commentKey)) current.add(commentKey);
      else
        await this.octokit.rest.pulls
          .deleteReviewComment({ owner, repo, comment_id: comment.id })
          // Another app's comment that copies the marker is not the bot's to delete, nor one already gone.
          .catch(ignoreStatus(403, 404));
    }
    const reviewedHead = posted.some(
      (comment) =>
        comment.commit_id === headSha && current.has(key(comment.path, comment.line, comment.body)),
    );
    const fresh = suggestions.filter((item) => !current.has(key(item.path, item.line, item.body)));
    if (fresh.length === 0 || reviewedHead) return;
    // A review GitHub refuses (a line no longer in the diff) leaves the check run and comment standing.
    await this.octokit.rest.pulls
      .createReview({
        owner,
        repo,
        pull_number: pullNumber,
        commit_id: headSha,
        event: 'COMMENT',
        body: formatMessage(msg('report.suggestion-review', { count: fresh.length }), language),
        comments: fresh.map((item) => ({
          path: item.path,
          line: item.line,
          side: 'RIGHT' as const,
          ...(item.startLine === undefined
            ? {}
            : { start_line: item.startLine, start_side: 'RIGHT' as const }),
          body: item.body,
        })),
      })
      .catch(ignoreStatus(422));
  }

  async superseded(headSha: string): Promise<void> {
    if (this.run?.status !== 'in_progress') return;
    await this.finishCheckRun(headSha, {
      conclusion: 'cancelled',
      title: this.t(msg('report.check-superseded-title')),
      summary: this.t(msg('report.check-superseded-summary')),
      annotations: [],
    });
  }

  async failed(headSha: string, reason: string): Promise<void> {
    await this.finishCheckRun(headSha, {
      conclusion: 'failure',
      title: this.t(msg('report.failed-title')),
      summary: reviewFailureText(headSha, reason, DEFAULT_LANGUAGE),
      annotations: [],
    });
  }

  /** Texts written before the hub's settings are read (or when they cannot be): the default language. */
  private t(message: Message): string {
    return formatMessage(message, firstLanguage(DEFAULT_LANGUAGE));
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
    const batches = annotationBatches(result.annotations);
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

  /** Writes the sticky comment; returns the bot's comment as it was before, if there was one. */
  private async upsertComment(
    issue_number: number,
    body: string,
    verdict: Verdict,
  ): Promise<string | undefined> {
    const { owner, repo } = this.target;
    const { issues } = this.octokit.rest;
    return upsertStickyComment(
      {
        list: async () =>
          (
            await this.octokit.paginate(issues.listComments, { owner, repo, issue_number, per_page: 100 })
          ).map((comment) => ({
            id: comment.id,
            body: comment.body ?? '',
            byBot: comment.user?.type === 'Bot',
          })),
        create: async (text) => {
          await issues.createComment({ owner, repo, issue_number, body: text });
        },
        update: async (id, text) => {
          await issues.updateComment({ owner, repo, comment_id: Number(id), body: text });
        },
        remove: async (id) => {
          await issues.deleteComment({ owner, repo, comment_id: Number(id) });
        },
      },
      body,
      verdict,
    );
  }
}

/** Lets an API error of one of `statuses` pass; any other is thrown again. */
function ignoreStatus(...statuses: number[]): (error: unknown) => void {
  return (error) => {
    if (!statuses.includes((error as { status?: number }).status ?? 0)) throw error;
  };
}
