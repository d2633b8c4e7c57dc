import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadLocalRepoConfig } from '../config/load-local-config.js';
import { MshubError } from '../core/errors.js';
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
import { MODULE_TYPE_FAMILIES, USED_FOR_VALUES } from '../core/rules/fields.js';
import { didYouMean } from '../core/text/did-you-mean.js';
import { validateAssetFile } from '../core/validate-asset-file.js';
import { findHubRoot, selectAssetFiles } from '../platforms/local/local-hub.js';
import { sha256File } from '../platforms/local/sha256-file.js';
import { EXIT } from './exit-codes.js';
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
  ask?: (question: string) => Promise<string>;
  /** Today, as YYYY-MM-DD. */
  today: string;
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const FORMAT_OF_EXTENSION: Record<string, string> = {
  '.ckpt': 'ckpt',
  '.mindir': 'mindir',
  '.onnx': 'onnx',
  '.air': 'air',
  '.ms': 'mslite',
};

/** What a flag must look like: each is written into YAML or a folder name, so nothing else gets in. */
const FIELD_PATTERNS: Record<string, [RegExp, Message]> = {
  modelName: [/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$/, msg('cli.pattern-name')],
  backboneName: [/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$/, msg('cli.pattern-name')],
  moduleType: [/^[A-Za-z0-9]+(-[A-Za-z0-9_]+)?$/, msg('cli.pattern-module-type')],
  dataset: [/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, msg('cli.pattern-dataset')],
  modelVersion: [/^[0-9]+(\.[0-9]+){0,3}$/, msg('cli.pattern-version')],
  mindsporeVersion: [/^[0-9]+\.[0-9]+$/, msg('cli.pattern-mindspore-version')],
  publisher: [/^[a-z0-9][a-z0-9_-]{0,63}$/, msg('cli.pattern-publisher')],
};

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
  const answered = await askForMissing(options, io, repoConfig.rules.datasets);
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
  const result = validateAssetFile({ path, bytes: new TextEncoder().encode(text) }, repoConfig.rules, hub);
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(
      `mshub-review: ${t(msg('cli.new-refused', { path }))}\n${errors
        .map((finding) => inLanguage(finding, language))
        .map(
          (finding) =>
            `  - ${finding.message}${finding.fix ? `\n    ${t(msg('report.text-fix'))} ${finding.fix}` : ''}`,
        )
        .join('\n')}\n${t(msg('cli.new-refused-advice'))}\n`,
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

/** At a terminal, an answer the hub would refuse is asked again, this many times at most. */
const ASK_ATTEMPTS = 3;

/** Why the hub would refuse this answer, with the likely spelling; undefined when it would not. */
type AnswerCheck = (answer: string) => Message | undefined;

async function askChecked(
  ask: (question: string) => Promise<string>,
  question: Message,
  check: AnswerCheck,
  language: Language,
) {
  const t = (message: Message) => formatMessage(message, language);
  const colon = language === 'zh' ? '：' : ': ';
  let prompt = t(question);
  let answer = '';
  for (let attempt = 0; attempt < ASK_ATTEMPTS; attempt++) {
    answer = (await ask(`${prompt}${colon}`)).trim();
    const problem = answer === '' ? undefined : check(answer);
    if (problem === undefined) return answer;
    prompt = `${t(problem)}${language === 'zh' ? '' : ' '}${t(question)}`;
  }
  return answer;
}

function moduleTypeProblem(answer: string): Message | undefined {
  const family = (answer.split('-')[0] ?? '').toLowerCase();
  if (MODULE_TYPE_FAMILIES.includes(family)) return undefined;
  const guess = didYouMean(family, MODULE_TYPE_FAMILIES);
  return guess
    ? msg('cli.ask-unknown-family-guess', { family: JSON.stringify(family), guess })
    : msg('cli.ask-unknown-family', { family: JSON.stringify(family) });
}

function datasetProblem(datasets: ReadonlySet<string>): AnswerCheck {
  const lower = new Set([...datasets].map((name) => name.toLowerCase()));
  return (answer) => {
    // The hub loader splits the value at every `_` and looks up each part.
    const unknown = answer.split('_').filter((part) => !lower.has(part.toLowerCase()));
    if (unknown.length === 0) return undefined;
    const guesses = unknown.map((part) => didYouMean(part, datasets)).filter((guess) => guess !== undefined);
    const quoted = unknown.map((part) => JSON.stringify(part));
    return guesses.length > 0
      ? msg('cli.ask-unknown-dataset-guess', { unknown: quoted, guesses })
      : msg('cli.ask-unknown-dataset', { unknown: quoted });
  };
}

async function askForMissing(
  options: NewOptions,
  io: NewIo,
  datasets: ReadonlySet<string>,
): Promise<NewOptions> {
  const answered = { ...options };
  const language = options.lang ?? io.environment.language;
  const required: Array<[keyof NewOptions, Message]> = [
    ['modelName', msg('cli.ask-model-name')],
    ['moduleType', msg('cli.ask-module-type', { families: MODULE_TYPE_FAMILIES })],
    ['mindsporeVersion', msg('cli.ask-mindspore-version')],
    ['userId', msg('cli.ask-user-id')],
    ['repoLink', msg('cli.ask-repo-link')],
  ];
  const missing = required.filter(([key]) => answered[key] === undefined || answered[key] === '');
  if (missing.length > 0 && io.ask) {
    for (const [key, question] of missing)
      (answered as Record<string, unknown>)[key] = await askChecked(
        io.ask,
        question,
        key === 'moduleType' ? moduleTypeProblem : () => undefined,
        language,
      );
    if (answered.dataset === undefined) {
      const dataset = await askChecked(io.ask, msg('cli.ask-dataset'), datasetProblem(datasets), language);
      if (dataset) answered.dataset = dataset;
    }
    if ((answered.asset ?? []).length === 0) {
      const asset = (await io.ask(formatMessage(msg('cli.ask-asset'), language))).trim();
      if (asset) answered.asset = [asset];
      if (asset && !URL_LIKE.test(asset))
        answered.assetLink = [(await io.ask(formatMessage(msg('cli.ask-asset-link'), language))).trim()];
    }
  }
  const still = required.filter(([key]) => answered[key] === undefined || answered[key] === '');
  if (still.length > 0)
    throw new MshubError(
      'USAGE',
      msg('cli.error-needs-flags', { flags: still.map(([key]) => `--${flagName(key)}`) }),
    );
  if ((answered.asset ?? []).length === 0) throw new MshubError('USAGE', msg('cli.error-needs-asset'));
  return answered;
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

/** Questions on a terminal; none when input is not one (a script gets a clear error instead). */
export function terminalAsk(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
): ((question: string) => Promise<string>) | undefined {
  if (input.isTTY !== true) return undefined;
  return async (question) => {
    const lines = createInterface({ input, output });
    try {
      return await lines.question(question);
    } finally {
      lines.close();
    }
  };
}
