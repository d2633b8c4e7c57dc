import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { loadLocalRepoConfig } from '../config/load-local-config.js';
import { isMshubError, MshubError } from '../core/errors.js';
import { formatMessage, msg } from '../core/messages/format-message.js';
import { inLanguage } from '../core/messages/localize-finding.js';
import type { Language, Message } from '../core/messages/message-spec.js';
import {
  type Backend,
  type NewAsset,
  type NewSubmission,
  publisherFolder,
  renderChineseTwin,
  renderSubmission,
  submissionPath,
  submissionUid,
} from '../core/new/compose-submission.js';
import { USED_FOR_VALUES } from '../core/rules/fields.js';
import type { RulesConfig } from '../core/rules/rules-config.js';
import { validateAssetFile } from '../core/validate-asset-file.js';
import { findHubRoot, selectAssetFiles } from '../platforms/local/local-hub.js';
import { sha256File } from '../platforms/local/sha256-file.js';
import { EXIT } from './exit-codes.js';
import { FIELD_PATTERNS, FORMAT_OF_EXTENSION, URL_LIKE, userIdWithoutLetter } from './new-answer-checks.js';
import { type Ask, askForMissing } from './new-prompts.js';
import { resumeCommand } from './new-resume-command.js';
import type { CliIo } from './validate-command.js';

export interface NewOptions {
  asset?: string[];
  assetLink?: string[];
  modelName?: string;
  backboneName?: string;
  moduleType?: string;
  dataset?: string;
  evaluation?: string;
  modelVersion: string;
  mindsporeVersion?: string;
  userId?: string;
  publisher?: string;
  author?: string;
  repoLink?: string;
  usedFor: string;
  backend: Backend;
  license: string;
  summary?: string;
  summaryZh?: string;
  fineTunable: boolean;
  cn?: boolean;
  hub?: string;
  dryRun?: boolean;
  /** `--lang`; the locale's language without it. */
  lang?: Language;
}

export interface NewIo extends CliIo {
  /** Asks for what the flags left out, when a person is at the terminal; undefined otherwise. */
  ask?: Ask;
  /** How the person ran this program (`mshub-review`, `node mshub-review.mjs`), for the command that resumes. */
  invokedAs?: string;
  /** Today, as YYYY-MM-DD. */
  today: string;
}

/**
 * `mshub-review new`: writes a new submission that passes every check, from flags (and answers at
 * a terminal), with the digest of each asset computed here. Never overwrites a file.
 */
export async function runNew(options: NewOptions, io: NewIo): Promise<number> {
  const language = options.lang ?? io.environment.language;
  const t = (message: Message) => formatMessage(message, language);
  const hubRoot = findHubRoot(options.hub ?? process.cwd());
  if (!hubRoot)
    throw new MshubError(
      'PATH_NOT_FOUND',
      msg('cli.error-not-in-hub', { folder: options.hub ?? t(msg('cli.error-this-folder')) }),
    );
  const repoConfig = loadLocalRepoConfig({ hubRoot });
  const answered: NewOptions = { ...options, asset: [...(options.asset ?? [])] };
  if (options.assetLink) answered.assetLink = [...options.assetLink];
  const context = {
    datasets: repoConfig.rules.datasets,
    ...(repoConfig.rules.assetHosts === undefined ? {} : { assetHosts: repoConfig.rules.assetHosts }),
  };
  if (!io.ask) return writeSubmission(answered, io, hubRoot, repoConfig.rules, language);
  // At a terminal nothing answered is lost: a stop or a refusal ends with the command that goes on.
  const resume = () =>
    t(msg('cli.new-resume', { command: resumeCommand(io.invokedAs ?? 'mshub-review', answered) }));
  try {
    await askForMissing(answered, io.ask, context, language);
    return await writeSubmission(answered, io, hubRoot, repoConfig.rules, language, resume);
  } catch (error) {
    if (isMshubError(error, 'INTERRUPTED')) {
      const space = language === 'zh' ? '' : ' ';
      io.stderr.write(`\nmshub-review: ${t(msg('cli.interrupted'))}${space}${resume()}\n`);
      return EXIT.INTERRUPTED;
    }
    if (isMshubError(error)) {
      io.stderr.write(`mshub-review: ${error.inLanguage(language)}\n${resume()}\n`);
      return EXIT.USAGE;
    }
    throw error;
  }
}

/** Checks the answers as the bot would, computes the digests, and writes the files (never over one). */
async function writeSubmission(
  answered: NewOptions,
  io: NewIo,
  hubRoot: string,
  rules: RulesConfig,
  language: Language,
  resume?: () => string,
): Promise<number> {
  const t = (message: Message) => formatMessage(message, language);
  requireAnswers(answered);
  // The flags alone name the files: refuse an existing one before any asset is downloaded.
  const path = submissionPath(buildSubmission(answered, [], io.today));
  const paths = answered.cn ? [path, path.replace(/\.md$/, '_cn.md')] : [path];
  for (const file of paths)
    if (existsSync(join(hubRoot, file))) throw new MshubError('USAGE', msg('cli.error-exists', { file }));
  const submission = buildSubmission(answered, await hashAssets(answered, io), io.today);
  const text = renderSubmission(submission);
  const files: Array<[string, string]> = [[path, text]];
  if (answered.cn) files.push([paths[1] as string, renderChineseTwin(submission)]);

  // Checked as the bot would check it, before anything is written.
  const hub = selectAssetFiles([hubRoot]).hub;
  const result = validateAssetFile({ path, bytes: new TextEncoder().encode(text) }, rules, hub);
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(
      `mshub-review: ${t(msg('cli.new-refused', { path }))}\n${errors
        .map((finding) => inLanguage(finding, language))
        .map(
          (finding) =>
            `  - ${finding.message}${finding.fix ? `\n    ${t(msg('report.text-fix'))} ${finding.fix}` : ''}`,
        )
        .join('\n')}\n${resume ? resume() : t(msg('cli.new-refused-advice'))}\n`,
    );
    return EXIT.FINDINGS;
  }

  if (answered.dryRun) {
    for (const [file, content] of files)
      io.stdout.write(`${t(msg('cli.new-dry-run', { file }))}\n${content}`);
    return EXIT.OK;
  }
  for (const [file, content] of files) {
    const absolute = join(hubRoot, file);
    mkdirSync(dirname(absolute), { recursive: true });
    try {
      // `wx`: a file that appeared since the check above is still never overwritten.
      writeFileSync(absolute, content, { flag: 'wx' });
    } catch (error) {
      throw new MshubError(
        'FILE_UNWRITABLE',
        msg('cli.error-new-unwritable', {
          file,
          reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
        }),
        { cause: error },
      );
    }
  }
  io.stdout.write(
    `${t(msg('cli.new-wrote', { files: files.map(([file]) => file), uid: submissionUid(submission) }))}\n`,
  );
  return EXIT.OK;
}

/** Without a terminal to ask at, the flags must give what `new` cannot do without. */
function requireAnswers(answered: NewOptions): void {
  const required: Array<keyof NewOptions> = [
    'modelName',
    'moduleType',
    'mindsporeVersion',
    'userId',
    'repoLink',
  ];
  const still = required.filter((key) => answered[key] === undefined || answered[key] === '');
  if (still.length > 0)
    throw new MshubError(
      'USAGE',
      msg('cli.error-needs-flags', { flags: still.map((key) => `--${flagName(key)}`) }),
    );
  if ((answered.asset ?? []).length === 0) throw new MshubError('USAGE', msg('cli.error-needs-asset'));
}

function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Each asset's digest: from the local file, or downloaded (guarded, streamed) from its link. */
async function hashAssets(options: NewOptions, io: NewIo): Promise<NewAsset[]> {
  const targets = options.asset ?? [];
  const links = [...(options.assetLink ?? [])];
  const localCount = targets.filter((target) => !URL_LIKE.test(target)).length;
  if (links.length !== localCount)
    throw new MshubError('USAGE', msg('cli.error-asset-links', { files: localCount, links: links.length }));
  const hasher = targets.some((target) => URL_LIKE.test(target))
    ? (await import('./cli-hasher.js')).createCliHasher(io)
    : undefined;
  try {
    const assets: NewAsset[] = [];
    for (const target of targets) {
      const link = URL_LIKE.test(target) ? target : (links.shift() as string);
      if (!/^https:\/\/[^\s<>"`]+$/.test(link))
        throw new MshubError('USAGE', msg('cli.error-not-https', { link }));
      const name = new URL(link).pathname;
      const format = FORMAT_OF_EXTENSION[extname(URL_LIKE.test(target) ? name : target).toLowerCase()];
      if (!format)
        throw new MshubError(
          'USAGE',
          msg('cli.error-extension', { target, extensions: Object.keys(FORMAT_OF_EXTENSION) }),
        );
      const sha256 = hasher ? (await hasher.hashResource(link)).sha256 : await sha256File(target);
      assets.push({ format, link, sha256 });
    }
    return assets;
  } finally {
    await hasher?.close();
  }
}

function buildSubmission(options: NewOptions, assets: NewAsset[], today: string): NewSubmission {
  // Each value goes into YAML or a folder name: a flag must look as its pattern says, and be one line.
  const valid = (key: string, value: string): string => {
    const [pattern, what] = FIELD_PATTERNS[key] ?? [/^/, msg('cli.pattern-name')];
    if (!pattern.test(value))
      throw new MshubError(
        'USAGE',
        msg('cli.error-flag-invalid', { flag: flagName(key), value: JSON.stringify(value), what }),
      );
    return value;
  };
  const oneLine = (key: string, value: string): string => {
    if (/[\r\n]/.test(value))
      throw new MshubError('USAGE', msg('cli.error-one-line', { flag: flagName(key) }));
    return value;
  };
  const userId = oneLine('userId', (options.userId ?? '').trim());
  const noLetter = userIdWithoutLetter(userId);
  if (noLetter) throw new MshubError('USAGE', noLetter);
  const modelName = valid('modelName', (options.modelName ?? '').trim());
  const moduleType = valid('moduleType', (options.moduleType ?? '').trim());
  const family = moduleType.split('-')[0] ?? moduleType;
  const repoLink = (options.repoLink ?? '').trim();
  if (!/^https:\/\/[^\s<>"`]+$/.test(repoLink))
    throw new MshubError('USAGE', msg('cli.error-repo-link', { value: JSON.stringify(repoLink) }));
  if (!USED_FOR_VALUES.includes(options.usedFor))
    throw new MshubError('USAGE', msg('cli.error-used-for', { values: USED_FOR_VALUES }));
  const submission: NewSubmission = {
    modelName,
    backboneName: valid('backboneName', (options.backboneName ?? modelName).trim()),
    moduleType,
    fineTunable: options.fineTunable,
    modelVersion: valid('modelVersion', options.modelVersion.trim()),
    author: oneLine('author', options.author?.trim() || userId),
    updateTime: today,
    repoLink,
    userId,
    publisher: valid('publisher', publisherOf(options.publisher, userId)),
    usedFor: options.usedFor,
    backend: options.backend,
    mindsporeVersion: valid('mindsporeVersion', (options.mindsporeVersion ?? '').trim()),
    license: oneLine('license', options.license.trim()),
    summary: oneLine('summary', options.summary?.trim() || `${modelName} is used for ${family}`),
    assets,
  };
  const dataset = options.dataset?.trim();
  if (dataset) submission.trainDataset = valid('dataset', dataset);
  const evaluation = options.evaluation?.trim();
  if (evaluation) submission.evaluation = oneLine('evaluation', evaluation);
  const summaryZh =
    options.summaryZh?.trim() || (options.summary?.trim() ? '' : `${modelName} 用于 ${family}`);
  if (summaryZh) submission.summaryZh = oneLine('summaryZh', summaryZh);
  return submission;
}

/** The folder under the assets: as given, else from the user id, which may hold nothing to name one. */
function publisherOf(given: string | undefined, userId: string): string {
  if (given !== undefined) return given.trim();
  const derived = publisherFolder(userId);
  if (derived === '')
    throw new MshubError('USAGE', msg('cli.error-no-publisher', { userId: JSON.stringify(userId) }));
  return derived;
}
