import type { Environment } from '../config/environment.js';
import { loadLocalRepoConfig } from '../config/load-local-config.js';
import type { RepoConfig } from '../config/repo-config.js';
import { MshubError } from '../core/errors.js';
import { ASSETS_ROOT } from '../core/hub-path.js';
import { resolveLocalCommand } from '../core/local-command.js';
import { msg } from '../core/messages/format-message.js';
import { decodeText } from '../core/parse/decode-text.js';
import { renderJson } from '../core/report/render-json.js';
import { renderText } from '../core/report/render-text.js';
import {
  buildReport,
  type CommentLanguage,
  firstLanguage,
  type ReviewReport,
} from '../core/report/review-report.js';
import type { AssetFileInput } from '../core/validate-asset-file.js';
import {
  type LocalSelection,
  readAssetFiles,
  selectAssetFiles,
  streamAssetFiles,
} from '../platforms/local/local-hub.js';
import { type ReviewAdapters, reviewAssetFiles } from '../review/review-asset-files.js';
import { stickyCommentBody } from '../review/sticky-comment.js';
import type { CliHasher } from './cli-hasher.js';
import { EXIT } from './exit-codes.js';
import { loadSourceRepoChecker } from './load-source-repo-checker.js';
import { chooseStyle } from './terminal-style.js';

export type OutputFormat = 'text' | 'json' | 'markdown';

export interface ValidateOptions {
  format: OutputFormat;
  /** Errors only, in the text output. */
  quiet?: boolean;
  config?: string;
  verifyAssets?: boolean;
  checkRepo?: boolean;
  /** `--lang`; the locale's language for text, the hub's `language:` setting for markdown, otherwise. */
  lang?: CommentLanguage;
}

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  environment: Environment;
}

/** `mshub-review validate [PATH...]`: returns the exit code (0 clean, 1 error findings). */
export async function runValidate(paths: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const run = prepareLocalRun(paths, options.config);
  const { maxFileBytes } = run.repoConfig.rules.limits;
  // Only the text report quotes the files' lines: the other formats read each file into one buffer.
  const inputs =
    options.format === 'json' || options.format === 'markdown'
      ? streamAssetFiles(run.selection, maxFileBytes)
      : readAssetFiles(run.selection, maxFileBytes);
  return reportOnFiles(inputs, run, options, io);
}

export interface LocalRun {
  selection: LocalSelection;
  repoConfig: RepoConfig;
}

/** The files a command line names, and the settings of the hub they are in. */
export function prepareLocalRun(paths: readonly string[], configPath?: string): LocalRun {
  const given = paths.length > 0 ? paths : [ASSETS_ROOT];
  const selection = selectAssetFiles(given);
  // "0 files checked, no problems" would pass a folder that holds no submission at all.
  if (selection.files.length === 0)
    throw new MshubError('PATH_NOT_FOUND', msg('cli.error-no-asset-files', { paths: given }));
  const configOptions: { explicitPath?: string; hubRoot?: string } = {};
  if (configPath) configOptions.explicitPath = configPath;
  if (selection.hubRoot) configOptions.hubRoot = selection.hubRoot;
  const repoConfig = loadLocalRepoConfig(configOptions);
  // The same command the bot would name for this hub, so the CLI says what the bot says.
  const localCommand = resolveLocalCommand(repoConfig.command, selection.hub.vendoredCli === true);
  // At a terminal, a check the network did not answer is made again by running the command again.
  repoConfig.rules = {
    ...repoConfig.rules,
    retry: 'rerun',
    ...(localCommand === undefined ? {} : { localCommand }),
  };
  return { selection, repoConfig };
}

/** Reviews the files as given and prints the report; returns the exit code. */
export async function reportOnFiles(
  /** Read once, in order; the text report quotes their lines when they are an array. */
  inputs: readonly AssetFileInput[] | Iterable<AssetFileInput>,
  { selection, repoConfig }: LocalRun,
  options: ValidateOptions,
  io: CliIo,
  /** A hasher the caller owns (and closes), whose downloads are reused; else one of its own. */
  sharedHasher?: CliHasher,
): Promise<number> {
  const hasher =
    sharedHasher ??
    (options.verifyAssets ? (await import('./cli-hasher.js')).createCliHasher(io) : undefined);
  const adapters: ReviewAdapters = {};
  if (hasher) adapters.hasher = hasher;
  if (options.checkRepo) adapters.sourceRepos = await loadSourceRepoChecker(io.environment);
  let report: ReviewReport;
  try {
    const findings = await reviewAssetFiles(inputs, repoConfig.rules, selection.hub, adapters);
    report = buildReport(findings, undefined, { localCommand: repoConfig.rules.localCommand });
  } finally {
    if (hasher !== sharedHasher) await hasher?.close();
  }

  if (options.format === 'json') io.stdout.write(renderJson(report));
  // Exactly what the bot posts, with the same length limit and the same hidden verdict.
  else if (options.format === 'markdown')
    io.stdout.write(
      stickyCommentBody(report, { language: options.lang ?? repoConfig.language ?? 'en' }).body,
    );
  else
    io.stdout.write(
      renderText(report, chooseStyle(io.environment.color, io.stdout.isTTY === true), {
        // Files streamed through one buffer are gone by now: no lines to quote then.
        sourceLine: Array.isArray(inputs) ? sourceLines(inputs) : () => undefined,
        quiet: options.quiet === true,
        language: firstLanguage(options.lang ?? io.environment.language),
      }),
    );

  return report.summary.errors > 0 ? EXIT.FINDINGS : EXIT.OK;
}

/** The lines of the files that were checked, split only for the files that have findings. */
function sourceLines(inputs: readonly AssetFileInput[]): (path: string, line: number) => string | undefined {
  const byPath = new Map(inputs.map((input) => [input.path, input.bytes]));
  const split = new Map<string, string[]>();
  return (path, line) => {
    let lines = split.get(path);
    if (!lines) {
      const bytes = byPath.get(path);
      if (!bytes) return undefined;
      const decoded = decodeText(bytes, bytes.byteLength);
      lines = decoded.ok ? decoded.text.split(/\r?\n/) : [];
      split.set(path, lines);
    }
    return lines[line - 1];
  };
}
