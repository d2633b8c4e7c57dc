import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHttpsLink, parseRepoLink } from '../core/links.js';
import { msg } from '../core/messages/format-message.js';
import type { Message } from '../core/messages/message-spec.js';
import { publisherFolder } from '../core/new/compose-submission.js';
import { ASSET_EXTENSIONS, MODULE_TYPE_FAMILIES } from '../core/rules/fields.js';
import { assetHostProblem } from '../core/rules/link-rules.js';
import { didYouMean } from '../core/text/did-you-mean.js';
import { q } from '../core/text/quote.js';

/** What a value must look like: each is written into YAML or a folder name, so nothing else gets in. */
export const FIELD_PATTERNS: Record<string, [RegExp, Message]> = {
  modelName: [/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$/, msg('cli.pattern-name')],
  backboneName: [/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,99}$/, msg('cli.pattern-name')],
  moduleType: [/^[A-Za-z0-9]+(-[A-Za-z0-9_]+)?$/, msg('cli.pattern-module-type')],
  dataset: [/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, msg('cli.pattern-dataset')],
  modelVersion: [/^[0-9]+(\.[0-9]+){0,3}$/, msg('cli.pattern-version')],
  mindsporeVersion: [/^[0-9]+\.[0-9]+$/, msg('cli.pattern-mindspore-version')],
  publisher: [/^[a-z0-9][a-z0-9_-]{0,63}$/, msg('cli.pattern-publisher')],
};

export const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The model formats `new` writes, by the extension of the file. */
export const FORMAT_OF_EXTENSION: Record<string, string> = {
  '.ckpt': 'ckpt',
  '.mindir': 'mindir',
  '.onnx': 'onnx',
  '.air': 'air',
  '.ms': 'mslite',
};

/** The questions `new` asks, in the order it asks them. */
export type NewField =
  | 'modelName'
  | 'moduleType'
  | 'mindsporeVersion'
  | 'userId'
  | 'repoLink'
  | 'dataset'
  | 'asset'
  | 'assetLink';

export interface AnswerContext {
  datasets: ReadonlySet<string>;
  /** The hub's list of download hosts, when it keeps one. */
  assetHosts?: readonly string[];
  /** The asset already answered, for the question about its link. */
  asset?: string;
}

/**
 * Why the hub (or `new` itself) would refuse this answer to one question, naming the likely
 * spelling where there is one; undefined when the answer will do. Each question is checked as it is
 * answered, so a wrong answer is asked again at once rather than after the last question.
 */
export function answerProblem(field: NewField, answer: string, context: AnswerContext): Message | undefined {
  const patternProblem = (key: string): Message | undefined => {
    const [pattern, what] = FIELD_PATTERNS[key] as [RegExp, Message];
    return pattern.test(answer) ? undefined : msg('cli.answer-invalid', { value: q(answer), what });
  };
  switch (field) {
    case 'modelName':
    case 'mindsporeVersion':
      return patternProblem(field);
    case 'moduleType':
      return patternProblem(field) ?? moduleTypeProblem(answer);
    case 'dataset':
      return patternProblem(field) ?? datasetProblem(answer, context.datasets);
    case 'userId':
      return userIdProblem(answer);
    case 'repoLink':
      return repoLinkProblem(answer);
    case 'asset':
      return assetProblem(answer);
    case 'assetLink':
      return assetLinkProblem(answer, context);
  }
}

function moduleTypeProblem(answer: string): Message | undefined {
  const family = (answer.split('-')[0] ?? '').toLowerCase();
  if (MODULE_TYPE_FAMILIES.includes(family)) return undefined;
  const guess = didYouMean(family, MODULE_TYPE_FAMILIES);
  return guess
    ? msg('cli.ask-unknown-family-guess', { family: q(family), guess: q(guess) })
    : msg('cli.ask-unknown-family', { family: q(family) });
}

function datasetProblem(answer: string, datasets: ReadonlySet<string>): Message | undefined {
  const lower = new Set([...datasets].map((name) => name.toLowerCase()));
  // The hub loader splits the value at every `_` and looks up each part.
  const unknown = answer.split('_').filter((part) => !lower.has(part.toLowerCase()));
  if (unknown.length === 0) return undefined;
  const guesses = unknown
    .map((part) => didYouMean(part.replaceAll('-', ''), datasets) ?? didYouMean(part, datasets))
    .filter((guess) => guess !== undefined);
  const quoted = unknown.map((part) => q(part));
  return guesses.length > 0
    ? msg('cli.ask-unknown-dataset-guess', { unknown: quoted, guesses: guesses.map((guess) => q(guess)) })
    : msg('cli.ask-unknown-dataset', { unknown: quoted });
}

/** A user id names a person or a team: one with no letter (`2.5`) was meant for another question. */
export function userIdWithoutLetter(answer: string): Message | undefined {
  return /\p{L}/u.test(answer) ? undefined : msg('cli.answer-user-id-no-letter', { value: q(answer) });
}

function userIdProblem(answer: string): Message | undefined {
  if (/[\r\n]/.test(answer)) return msg('cli.error-one-line', { flag: 'user-id' });
  const noLetter = userIdWithoutLetter(answer);
  if (noLetter) return noLetter;
  if (publisherFolder(answer) === '') return msg('cli.error-no-publisher', { userId: q(answer) });
  return undefined;
}

export function repoLinkProblem(answer: string): Message | undefined {
  const link = parseHttpsLink(answer);
  if (!link.ok || !/^https:\/\/[^\s<>"`]+$/.test(answer) || !parseRepoLink(link.url))
    return msg('cli.answer-repo-link', { value: q(answer) });
  return undefined;
}

function assetProblem(answer: string): Message | undefined {
  if (URL_LIKE.test(answer)) {
    if (!/^https:\/\/[^\s<>"`]+$/.test(answer)) return msg('cli.error-not-https', { link: q(answer) });
    return extensionProblem(answer, new URL(answer).pathname);
  }
  if (!existsSync(answer) || !statSync(answer).isFile())
    return msg('cli.answer-no-file', { path: q(answer) });
  return extensionProblem(answer, answer);
}

function extensionProblem(target: string, name: string): Message | undefined {
  if (FORMAT_OF_EXTENSION[extname(name).toLowerCase()]) return undefined;
  return msg('cli.error-extension', { target: q(target), extensions: Object.keys(FORMAT_OF_EXTENSION) });
}

function assetLinkProblem(answer: string, context: AnswerContext): Message | undefined {
  if (!/^https:\/\/[^\s<>"`]+$/.test(answer)) return msg('cli.error-not-https', { link: q(answer) });
  const url = new URL(answer);
  const hostProblem = assetHostProblem(url, context.assetHosts);
  if (hostProblem) return hostProblem.message;
  const format = FORMAT_OF_EXTENSION[extname(context.asset ?? '').toLowerCase()];
  const accepted = format === 'mslite' ? ['.ms'] : ASSET_EXTENSIONS;
  if (!accepted.includes(extname(url.pathname).toLowerCase()))
    return msg('cli.answer-link-extension', { link: q(answer), extensions: accepted });
  return undefined;
}
