import pLimit from 'p-limit';
import { isMshubError, MshubError, shutdownError } from '../core/errors.js';
import type { FileFindings, SeveritySetting } from '../core/findings.js';
import {
  englishTwinOf,
  isSubmissionFile,
  type UnsafePathProblem,
  unsafePathProblem,
} from '../core/hub-path.js';
import { DOWNLOADED_CLI_COMMAND, resolveLocalCommand, VENDORED_CLI_PATH } from '../core/local-command.js';
import { msg } from '../core/messages/format-message.js';
import { buildReport } from '../core/report/review-report.js';
import { FindingCollector } from '../core/report-sink.js';
import { q } from '../core/text/quote.js';
import { isTransientError } from '../core/transient-error.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import type { JobControl } from './job-control.js';
import { type ReviewAdapters, reviewAssetFiles } from './review-asset-files.js';
import type { PullRequestSource, ReviewReporter } from './review-platform.js';
import type { ReviewRequest } from './review-request.js';

/** A pull request may name any number of files; a review reads, downloads and checks at most this many. */
export const MAX_FILES_PER_REVIEW = 200;
/** Files a review reads from the platform at once. */
export const READS_IN_FLIGHT = 6;

export type ReviewJobOutcome = 'reviewed' | 'no-asset-files' | 'superseded' | 'no-pull-request' | 'failed';

export interface ReviewJobDependencies {
  source: PullRequestSource;
  reporter: ReviewReporter;
  adapters: ReviewAdapters;
  control: JobControl;
  /** Where the bot publishes its single-file CLI (PUBLIC_URL + /cli/mshub-review.mjs), when it has an address. */
  cliUrl?: string;
}

/**
 * One review of one pull request head, the same on every platform: find the changed asset files,
 * review them (rules, downloads, source repository), and report unless a newer push superseded it.
 */
export async function runReviewJob(
  request: ReviewRequest,
  deps: ReviewJobDependencies,
): Promise<ReviewJobOutcome> {
  const { source, reporter, control } = deps;
  const stopIfShuttingDown = () => {
    if (control.signal?.aborted) throw shutdownError();
  };
  let pullNumber = request.pullNumber;
  let headSha = request.headSha;
  if (pullNumber === undefined || headSha === undefined) {
    const head = await source.currentHead();
    if (!head) return 'no-pull-request';
    pullNumber = head.pullNumber;
    headSha = head.headSha;
  }
  await control.setHead(headSha);

  const config = await source.loadConfig().catch((error: unknown) => {
    if (isMshubError(error, 'CONFIG_INVALID')) return error;
    throw error;
  });
  const changed = await source.listChangedFiles(pullNumber);
  const paths = config instanceof Error ? ['mshub_res/assets'] : config.paths;
  const inReviewedFolder = (path: string) =>
    paths.some((prefix) => path.startsWith(`${prefix.replace(/\/+$/, '')}/`));
  const candidates = changed.filter((file) => file.status !== 'removed' && inReviewedFolder(file.path));
  // Refused before anything reads them: a `..` in an API URL would leave its endpoint with the bot's token.
  const unsafe: Array<{ path: string; problem: UnsafePathProblem }> = [];
  const assetPaths: string[] = [];
  for (const { path } of candidates) {
    const problem = unsafePathProblem(path);
    if (problem) unsafe.push({ path, problem });
    else if (isSubmissionFile(path)) assetPaths.push(path);
  }
  if (assetPaths.length === 0 && unsafe.length === 0) {
    stopIfShuttingDown();
    await reporter.unreviewed?.(headSha);
    return 'no-asset-files';
  }

  stopIfShuttingDown();
  await reporter.started(headSha);
  try {
    if (config instanceof Error) {
      stopIfShuttingDown();
      await reporter.failed(
        headSha,
        `the repository's .github/mshub-review.yml is invalid: ${config.message}`,
      );
      return 'failed';
    }
    const reviewed = assetPaths.slice(0, MAX_FILES_PER_REVIEW);
    const toRead = new Set(reviewed);
    for (const path of reviewed) {
      const twin = englishTwinOf(path);
      if (twin) toRead.add(twin);
    }
    const maxBytes = config.rules.limits.maxFileBytes;
    // A fixed number of reads in flight, whatever the pull request's size: the API budget is shared.
    const limit = pLimit(READS_IN_FLIGHT);
    const read = await Promise.all(
      [...toRead].map((path) =>
        limit(async () => ({ path, bytes: await source.readFile(path, headSha, maxBytes) })),
      ),
    );
    const inputs = read.filter((file): file is AssetFileInput => file.bytes !== undefined);
    const hub = await source.hubContext(headSha);
    // A copy the pull request itself adds or changes is not the hub's: never advertise running it.
    const localCommand = resolveLocalCommand(
      config.command,
      hub.vendoredCli === true && !changed.some((file) => file.path === VENDORED_CLI_PATH),
      deps.cliUrl,
    );
    const rules = localCommand === undefined ? config.rules : { ...config.rules, localCommand };
    const findings = await reviewAssetFiles(inputs, rules, hub, deps.adapters);
    if (assetPaths.length > reviewed.length)
      findings.unshift(truncationNotice(assetPaths, reviewed.length, config.rules.severities));
    findings.unshift(
      ...unsafe
        .slice(0, MAX_FILES_PER_REVIEW)
        .map((file) => unsafePathFinding(file, config.rules.severities)),
    );
    stopIfShuttingDown();
    if (!(await control.isCurrent())) {
      await reporter.superseded(headSha);
      return 'superseded';
    }
    await reporter.completed(
      headSha,
      buildReport(findings, inputs.length, {
        localCommand,
        language: config.language,
        ...(localCommand === DOWNLOADED_CLI_COMMAND && deps.cliUrl ? { cliUrl: deps.cliUrl } : {}),
      }),
    );
    return 'reviewed';
  } catch (error) {
    // Set aside by a shutdown: the next start reviews it again, and reports then.
    if (control.signal?.aborted) throw shutdownError();
    if (control.lastAttempt() || !isTransientError(error)) {
      const reportError = await reporter.failed(headSha, describeFailure(error)).then(
        () => undefined,
        (failure: unknown) => failure ?? new Error('the report failed'),
      );
      if (reportError !== undefined)
        throw new MshubError(
          'REVIEW_UNREPORTED',
          `the review failed (${describeFailure(error)}) and the failure could not be reported on the pull request either (${describeFailure(reportError)})`,
          { cause: error },
        );
    }
    throw error;
  }
}

function describeFailure(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (typeof status === 'number')
    return `the platform API answered HTTP ${status} (${(error as Error).message.slice(0, 200)})`;
  return (error as Error)?.message?.slice(0, 300) ?? 'an unexpected error';
}

function unsafePathFinding(
  { path, problem }: { path: string; problem: UnsafePathProblem },
  severities: Readonly<Record<string, SeveritySetting>>,
): FileFindings {
  const shown = path.slice(0, 300);
  const sink = new FindingCollector(shown, severities);
  sink.report(
    'unsafe-path',
    undefined,
    msg('unsafe-path.message', { path: q(shown), problem: msg(`unsafe-path.${problem}`) }),
    msg('unsafe-path.fix'),
  );
  return { path: shown, findings: sink.findings };
}

function truncationNotice(
  assetPaths: readonly string[],
  reviewed: number,
  severities: Readonly<Record<string, SeveritySetting>>,
): FileFindings {
  const sink = new FindingCollector(assetPaths[reviewed] ?? '', severities);
  sink.report(
    'review-truncated',
    undefined,
    msg('review-truncated.message', { files: assetPaths.length, reviewed }),
    msg('review-truncated.fix'),
  );
  return { path: assetPaths[reviewed] ?? '', findings: sink.findings };
}
