import { join } from 'node:path';
import { loadLocalRepoConfig } from '../config/load-local-config.js';
import { renderAuditJson, renderAuditMarkdown, renderAuditText } from '../core/audit/audit-report.js';
import { MshubError } from '../core/errors.js';
import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language } from '../core/messages/message-spec.js';
import { parseHubKey } from '../core/platform-name.js';
import { validateAssetFile } from '../core/validate-asset-file.js';
import { createAuditNetwork } from '../net/audit-network.js';
import { AuditStateFile } from '../platforms/local/audit-state-file.js';
import { freshLinkTargetsFile, linkTargetsPath } from '../platforms/local/link-targets-file.js';
import { findHubRoot, selectAssetFiles, streamAssetFiles } from '../platforms/local/local-hub.js';
import type { IssueTracker } from '../review/audit-issue.js';
import { runHubAudit } from '../review/run-hub-audit.js';
import { EXIT } from './exit-codes.js';
import { loadSourceRepoChecker } from './load-source-repo-checker.js';
import type { CliIo, OutputFormat } from './validate-command.js';

export interface AuditOptions {
  format: OutputFormat;
  /** The file the audit keeps what it saw in; STATE_DIR/audit-state.json by default. */
  state?: string;
  /** `--no-hash`: the cheap requests only. */
  hash: boolean;
  /** `--no-repos`: leave the source repositories alone (no platform API calls). */
  repos: boolean;
  lang?: Language;
  /** `github:`, `gitee:` or `gitcode:owner/repo`: keep one tracking issue there up to date. */
  reportTo?: string;
}

export interface AuditIo extends CliIo {
  /** Stops the audit between links (Ctrl+C); what is done is kept for the next run. */
  signal?: AbortSignal;
  now?: () => Date;
}

/**
 * `mshub-review audit [HUB_ROOT]`: every model the hub lists, checked as `mindspore_hub.load()`
 * would need it today: its file read by the hub's check, each `asset-link` still there and still the
 * same bytes, each `repo-link` still holding `mindspore_hub_conf.py`. Exit 1 while there are faults.
 */
export async function runAudit(
  hubPath: string | undefined,
  options: AuditOptions,
  io: AuditIo,
): Promise<number> {
  const language = options.lang ?? io.environment.language;
  const now = io.now ?? (() => new Date());
  const hubRoot = findHubRoot(hubPath ?? process.cwd());
  if (!hubRoot)
    throw new MshubError('PATH_NOT_FOUND', msg('cli.error-not-in-hub', { folder: hubPath ?? '.' }));
  const repoConfig = loadLocalRepoConfig({ hubRoot });
  const rules = repoConfig.rules;
  const selection = selectAssetFiles([hubRoot]);
  // A file at a time, let go once its links are gathered: the audit needs no other file's findings.
  const results = (function* () {
    for (const input of streamAssetFiles(selection, rules.limits.maxFileBytes))
      yield validateAssetFile(input, rules, selection.hub);
  })();
  // Checked before any request, so that a wrong target or a missing token costs no audit.
  const tracker = options.reportTo ? await issueTrackerFor(options.reportTo, io) : undefined;
  const store = new AuditStateFile(options.state ?? join(io.environment.stateDir, 'audit-state.json'));
  const targets = freshLinkTargetsFile(linkTargetsPath(store.path));
  const network = createAuditNetwork(io.environment.downloads);
  const sourceRepos = options.repos ? await loadSourceRepoChecker(io.environment) : undefined;
  try {
    const outcome = await runHubAudit({
      results,
      targets,
      rules,
      state: store.load(),
      store,
      adapters: {
        observe: network.observe,
        hash: network.hash,
        ...(sourceRepos ? { sourceRepos } : {}),
        now,
        ...(io.signal ? { signal: io.signal } : {}),
        ...(io.stderr.isTTY ? { onProgress: progressLine(io, language) } : {}),
      },
      options: {
        hashPolicy: {
          rollingBytes: io.environment.audit.rollingHashBytes,
          rehashAfterMs: io.environment.audit.rehashAfterMs,
        },
        hash: options.hash,
        perHost: io.environment.audit.perHost,
        hostRate: io.environment.audit.hostRate,
        repoConcurrency: 2,
      },
      // The hub's language setting, else each platform's default: GitHub English, Gitee and GitCode both.
      ...(tracker
        ? {
            issue: {
              tracker,
              language:
                options.lang ??
                repoConfig.language ??
                (options.reportTo?.startsWith('github:') ? 'en' : 'zh+en'),
            },
          }
        : {}),
    });
    if (io.stderr.isTTY) io.stderr.write('\r\u001b[K');
    if (!outcome.finished) {
      io.stderr.write(
        `mshub-review: ${formatMessage(msg('cli.audit-stopped', { state: store.path }), language)}\n`,
      );
      return EXIT.INTERRUPTED;
    }
    const { report, issue } = outcome;
    if (issue)
      io.stderr.write(
        `${formatMessage(msg('cli.audit-issue', { kind: issue.kind, where: issue.url ?? `${options.reportTo}#${issue.id}` }), language)}\n`,
      );
    const render =
      options.format === 'json'
        ? renderAuditJson
        : options.format === 'markdown'
          ? renderAuditMarkdown
          : renderAuditText;
    io.stdout.write(render(report, language));
    return report.fresh.length + report.ongoing.length > 0 ? EXIT.FINDINGS : EXIT.OK;
  } finally {
    store.close();
    targets.discard();
    await network.close();
  }
}

/** The issues of `platform:owner/repo` on GitHub, Gitee or GitCode, with that platform's token. */
async function issueTrackerFor(target: string, io: AuditIo): Promise<IssueTracker> {
  const ref = parseHubKey(target);
  if (!ref) throw new MshubError('USAGE', msg('cli.error-report-to', { value: target }));
  const { platform, owner, repo } = ref;
  if (platform === 'github') return githubTracker(io, { owner, repo });
  const settings = io.environment[platform].api;
  if (!settings.token)
    throw new MshubError(
      'USAGE',
      msg('cli.error-report-to-token', { variable: platform === 'gitee' ? 'GITEE_TOKEN' : 'GITCODE_TOKEN' }),
    );
  const [{ GiteeApi }, { GiteeIssueTracker }] = await Promise.all([
    import('../platforms/gitee/gitee-api.js'),
    import('../platforms/gitee/gitee-issue-tracker.js'),
  ]);
  return new GiteeIssueTracker(new GiteeApi(settings), owner, repo);
}

/**
 * GitHub with GITHUB_TOKEN: the issue is the token owner's own (`GET /user`). A GitHub Actions token
 * cannot ask that; its issues are github-actions[bot]'s.
 */
async function githubTracker(io: AuditIo, hub: { owner: string; repo: string }): Promise<IssueTracker> {
  const { token, apiUrl } = io.environment.audit.github;
  if (!token) throw new MshubError('USAGE', msg('cli.error-report-to-token', { variable: 'GITHUB_TOKEN' }));
  const [{ ProbotOctokit }, { GitHubIssueTracker }] = await Promise.all([
    import('probot'),
    import('../platforms/github/github-issue-tracker.js'),
  ]);
  const octokit = new ProbotOctokit({ auth: { token }, baseUrl: apiUrl });
  const login = await octokit.rest.users
    .getAuthenticated()
    .then(({ data }) => data.login)
    .catch(() => 'github-actions[bot]');
  return new GitHubIssueTracker(octokit, hub, login);
}

/**
 * One line at a terminal, redrawn at most ten times a second: links done of all, bytes hashed, the
 * rate, and the time left at that rate (from the links this run has done; a resumed run starts mid-way).
 */
function progressLine(io: AuditIo, language: Language, clock: () => number = Date.now) {
  const started = clock();
  let first: number | undefined;
  let drawn = 0;
  return (progress: { linksDone: number; links: number; hashedBytes: number }) => {
    first ??= progress.linksDone - 1;
    const now = clock();
    if (now - drawn < 100 && progress.linksDone < progress.links) return;
    drawn = now;
    const seconds = Math.max((now - started) / 1000, 0.001);
    const rate = (progress.linksDone - first) / seconds;
    const left = rate > 0 ? Math.round((progress.links - progress.linksDone) / rate) : 0;
    io.stderr.write(
      `\r\u001b[K${formatMessage(
        msg('cli.audit-progress', {
          done: progress.linksDone,
          links: progress.links,
          mib: (progress.hashedBytes / 1024 / 1024).toFixed(1),
          rate: rate.toFixed(1),
          left: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`,
        }),
        language,
      )}`,
    );
  };
}
