import type { IssueTracker } from '../../review/audit-issue.js';
import type { GiteeApi } from './gitee-api.js';

interface GiteeIssue {
  number: string;
  body?: string | null;
  html_url?: string;
  user?: { login?: string };
}

/**
 * A hub repository's issues on Gitee (and GitCode, which copies Gitee's API v5): listed at
 * `GET /repos/{owner}/{repo}/issues`, created at `POST /repos/{owner}/issues` and edited at
 * `PATCH /repos/{owner}/issues/{number}`, both with the repository in the body, as
 * opensourceways/go-gitee and go-gitcode call them. Issue numbers are strings (`I8ABCD`).
 */
export class GiteeIssueTracker implements IssueTracker {
  constructor(
    private readonly api: GiteeApi,
    private readonly owner: string,
    private readonly repo: string,
  ) {}

  async findOwn(marker: string): Promise<{ id: string; body: string; url?: string } | undefined> {
    const login = await this.api.currentLogin();
    // The bot's own issue, updated at every audit: among the most recently updated of its open ones.
    const issues = await this.api.list<GiteeIssue>(
      `/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}/issues`,
      { state: 'open', sort: 'updated', direction: 'desc', ...(login ? { creator: login } : {}) },
      300,
    );
    const own = issues.find(
      (issue) =>
        (issue.body ?? '').startsWith(marker) && (login === undefined || issue.user?.login === login),
    );
    if (!own) return undefined;
    return { id: String(own.number), body: own.body ?? '', ...(own.html_url ? { url: own.html_url } : {}) };
  }

  async create(title: string, body: string): Promise<{ id: string; url?: string }> {
    const created = await this.api.request<GiteeIssue>(
      'POST',
      `/repos/${encodeURIComponent(this.owner)}/issues`,
      {
        body: { repo: this.repo, title, body },
      },
    );
    return { id: String(created?.number ?? ''), ...(created?.html_url ? { url: created.html_url } : {}) };
  }

  async update(id: string, body: string): Promise<void> {
    await this.api.request(
      'PATCH',
      `/repos/${encodeURIComponent(this.owner)}/issues/${encodeURIComponent(id)}`,
      { body: { repo: this.repo, body } },
    );
  }
}
