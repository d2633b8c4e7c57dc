import type { GiteeLabels } from '../../config/settings.js';
import { formatMessage, msg } from '../../core/messages/format-message.js';
import type { Message } from '../../core/messages/message-spec.js';
import { checkRunOutput } from '../../core/report/check-run-output.js';
import {
  type CommentLanguage,
  firstLanguage,
  type ReviewReport,
  verdictOf,
} from '../../core/report/review-report.js';
import type { ReviewReporter } from '../../review/review-platform.js';
import {
  failedCommentBody,
  reviewFailureText,
  stickyCommentBody,
  upsertStickyComment,
} from '../../review/sticky-comment.js';
import { type GiteeApi, GiteeApiError } from './gitee-api.js';
import { GiteeCheckRun } from './gitee-check-run.js';

export type { GiteeLabels };

/** Most Gitee contributors read Chinese first: Chinese, with the English folded below, unless `language:` says otherwise. */
const DEFAULT_LANGUAGE: CommentLanguage = 'zh+en';

/**
 * Gitee wants a colour for a new label, six hex digits without `#` (go-gitee `LabelPostParam`:
 * "为6位的数字，如: 000000"): grey while pending, green passed, red failed.
 */
const LABEL_COLORS: Record<keyof GiteeLabels, string> = {
  pending: 'cccccc',
  passed: '2ea44f',
  failed: 'd73a4a',
};

/** A path segment safe inside a markdown link target (encodeURIComponent leaves parentheses alone). */
function urlSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[()]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

interface GiteeComment {
  id: number;
  body?: string;
  user?: { login?: string };
}

export interface GiteeReporterOptions {
  webUrl: string;
  labels: GiteeLabels;
  /** Also report as a check run on the pull request gate (the token must be a repository administrator's). */
  checkRuns?: { onError?: (error: unknown) => void };
  /**
   * A label that cannot be set (a name the platform refuses, a token without the right): told here,
   * and the review goes on, as the comment (and the check run) still report its verdict.
   */
  onLabelError?: (error: unknown, label: string) => void;
}

/**
 * Reports to Gitee: one sticky comment whose findings link to the lines at the reviewed commit, and
 * one label of `mshub-review/pending`, `mshub-review/passed` or `mshub-review/failed` (the convention
 * of MindSpore's Gitee bots), replaced as the review goes; optionally a check run with line
 * annotations too (GITEE_CHECK_RUNS).
 */
export class GiteeReporter implements ReviewReporter {
  private readonly base: string;

  constructor(
    private readonly api: GiteeApi,
    private readonly target: { owner: string; repo: string; pullNumber: () => number | undefined },
    private readonly options: GiteeReporterOptions,
  ) {
    this.base = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
    if (options.checkRuns) this.checkRun = new GiteeCheckRun(api, this.base, options.checkRuns.onError);
  }

  private readonly checkRun: GiteeCheckRun | undefined;

  async started(headSha: string): Promise<void> {
    await this.setLabel('pending');
    await this.checkRun?.start(headSha);
  }

  async completed(headSha: string, report: ReviewReport): Promise<void> {
    const { owner, repo } = this.target;
    const web = this.options.webUrl.replace(/\/+$/, '');
    const lineLink = (path: string, line: number) =>
      `${web}/${urlSegment(owner)}/${urlSegment(repo)}/blob/${headSha}/${path.split('/').map(urlSegment).join('/')}#L${line}`;
    // Gitee has no one-click suggestions: the comment shows each corrected line to copy instead.
    const comment = stickyCommentBody(report, {
      headSha,
      lineLink,
      showCorrectedLines: true,
      language: DEFAULT_LANGUAGE,
    });
    await this.upsertComment(comment.body, comment.verdict);
    await this.setLabel(verdictOf(report.summary) === 'failure' ? 'failed' : 'passed');
    await this.checkRun?.finish(
      headSha,
      checkRunOutput(report, report.language ?? DEFAULT_LANGUAGE, { headSha, lineLink }),
    );
  }

  async superseded(headSha: string): Promise<void> {
    // Only a run this review opened is closed: a newer commit has its own.
    if (!this.checkRun?.open) return;
    await this.checkRun.finish(headSha, {
      conclusion: 'cancelled',
      title: this.t(msg('report.check-superseded-title')),
      summary: this.t(msg('report.check-superseded-summary')),
      annotations: [],
    });
  }

  /** Texts written before the hub's settings are read: the platform's language. */
  private t(message: Message): string {
    return formatMessage(message, firstLanguage(DEFAULT_LANGUAGE));
  }

  /** A push that leaves no asset file to review takes the bot's verdict label off. */
  async unreviewed(): Promise<void> {
    const pull = this.target.pullNumber();
    if (pull === undefined) return;
    // Paged (go-gitee `GetV5ReposOwnerRepoPullsNumberLabels` takes page and per_page, 20 by default):
    // on a pull request with many labels, the bot's may be on a later page.
    const present = new Set(
      (await this.api.list<{ name?: string }>(`${this.base}/pulls/${pull}/labels`)).map(
        (label) => label.name,
      ),
    );
    for (const name of Object.values(this.options.labels))
      if (present.has(name))
        await this.api.request('DELETE', `${this.base}/pulls/${pull}/labels/${encodeURIComponent(name)}`, {
          allow404: true,
        });
  }

  async failed(headSha: string, reason: string): Promise<void> {
    await this.upsertComment(failedCommentBody(headSha, reason, DEFAULT_LANGUAGE), 'failure');
    await this.setLabel('failed');
    await this.checkRun?.finish(headSha, {
      conclusion: 'failure',
      title: this.t(msg('report.failed-title')),
      summary: reviewFailureText(headSha, reason, DEFAULT_LANGUAGE),
      annotations: [],
    });
  }

  private async upsertComment(body: string, verdict: 'success' | 'neutral' | 'failure'): Promise<void> {
    const pull = this.target.pullNumber();
    if (pull === undefined) return;
    await upsertStickyComment(
      {
        list: async () => {
          const [comments, botLogin] = await Promise.all([
            this.api.list<GiteeComment>(`${this.base}/pulls/${pull}/comments`),
            this.botLogin(),
          ]);
          return comments.map((comment) => ({
            id: comment.id,
            body: comment.body ?? '',
            // Fail closed: when the bot cannot tell who it is, no comment is its own to edit or delete.
            byBot: botLogin !== undefined && comment.user?.login === botLogin,
          }));
        },
        create: async (text) => {
          await this.api.request('POST', `${this.base}/pulls/${pull}/comments`, { body: { body: text } });
        },
        update: async (id, text) => {
          await this.api.request('PATCH', `${this.base}/pulls/comments/${encodeURIComponent(String(id))}`, {
            body: { body: text },
          });
        },
        remove: async (id) => {
          await this.api.request('DELETE', `${this.base}/pulls/comments/${encodeURIComponent(String(id))}`, {
            allow404: true,
          });
        },
      },
      body,
      verdict,
    );
  }

  /** The account behind GITEE_TOKEN: only its comments are the bot's (others can copy the marker). */
  private botLogin(): Promise<string | undefined> {
    return this.api.currentLogin();
  }

  private async setLabel(state: keyof GiteeLabels): Promise<void> {
    try {
      await this.replaceLabel(state);
    } catch (error) {
      if (!this.options.onLabelError) throw error;
      this.options.onLabelError(error, this.options.labels[state]);
    }
  }

  private async replaceLabel(state: keyof GiteeLabels): Promise<void> {
    const pull = this.target.pullNumber();
    if (pull === undefined) return;
    const { labels } = this.options;
    const others = (Object.keys(labels) as Array<keyof GiteeLabels>).filter((other) => other !== state);
    for (const other of others) {
      await this.api.request(
        'DELETE',
        `${this.base}/pulls/${pull}/labels/${encodeURIComponent(labels[other])}`,
        { allow404: true },
      );
    }
    const add = () =>
      this.api.request('POST', `${this.base}/pulls/${pull}/labels`, { body: [labels[state]] });
    try {
      await add();
    } catch (error) {
      // A repository without the bot's labels refuses them: create them, as MindSpore's label robot
      // does, and add again.
      if (!(error instanceof GiteeApiError) || ![400, 404, 422].includes(error.status)) throw error;
      await this.createLabels();
      await add();
    }
  }

  private async createLabels(): Promise<void> {
    // One call: the labels endpoint takes no paging (go-gitee `GetV5ReposOwnerRepoLabels`).
    const existing = new Set(
      ((await this.api.request<Array<{ name?: string }>>('GET', `${this.base}/labels`)) ?? []).map(
        (label) => label.name,
      ),
    );
    for (const [state, name] of Object.entries(this.options.labels))
      if (!existing.has(name))
        await this.api.request('POST', `${this.base}/labels`, {
          body: { name, color: LABEL_COLORS[state as keyof GiteeLabels] },
        });
  }
}
