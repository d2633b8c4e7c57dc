import { createInterface } from 'node:readline/promises';
import { MshubError } from '../core/errors.js';
import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language, Message } from '../core/messages/message-spec.js';
import { MODULE_TYPE_FAMILIES } from '../core/rules/fields.js';
import { type AnswerContext, answerProblem, type NewField, URL_LIKE } from './new-answer-checks.js';
import type { NewOptions } from './new-command.js';

export type Ask = (question: string) => Promise<string>;

/** The questions for what `new` cannot do without, in the order they are asked. */
const REQUIRED: ReadonlyArray<
  ['modelName' | 'moduleType' | 'mindsporeVersion' | 'userId' | 'repoLink', Message]
> = [
  ['modelName', msg('cli.ask-model-name')],
  ['moduleType', msg('cli.ask-module-type', { families: MODULE_TYPE_FAMILIES })],
  ['mindsporeVersion', msg('cli.ask-mindspore-version')],
  ['userId', msg('cli.ask-user-id')],
  ['repoLink', msg('cli.ask-repo-link')],
];

/**
 * Asks, at a terminal, for each value the flags left out (or gave in a form the hub would refuse),
 * and checks each answer as it is given: a wrong one is asked again at once, with the reason. Every
 * accepted answer goes straight into `answered`, so a stop half-way (Ctrl+C) still has them all.
 */
export async function askForMissing(
  answered: NewOptions,
  ask: Ask,
  context: AnswerContext,
  language: Language,
): Promise<void> {
  for (const [field, question] of REQUIRED) {
    const given = answered[field];
    const problem = given === undefined || given === '' ? undefined : answerProblem(field, given, context);
    if (given !== undefined && given !== '' && problem === undefined) continue;
    answered[field] = await askChecked(ask, question, field, context, language, problem);
  }
  if (answered.dataset === undefined) {
    const dataset = await askChecked(
      ask,
      msg('cli.ask-dataset'),
      'dataset',
      context,
      language,
      undefined,
      true,
    );
    if (dataset !== '') answered.dataset = dataset;
  }
  if ((answered.asset ?? []).length === 0) {
    const asset = await askChecked(ask, msg('cli.ask-asset'), 'asset', context, language);
    answered.asset = [asset];
    if (!URL_LIKE.test(asset) && (answered.assetLink ?? []).length === 0) {
      const withAsset = { ...context, asset };
      answered.assetLink = [
        await askChecked(ask, msg('cli.ask-asset-link'), 'assetLink', withAsset, language),
      ];
    }
  }
}

const MAX_ATTEMPTS = 20;

/** One question, asked until the answer will do; an empty answer is accepted only where `optional`. */
async function askChecked(
  ask: Ask,
  question: Message,
  field: NewField,
  context: AnswerContext,
  language: Language,
  firstProblem?: Message,
  optional = false,
): Promise<string> {
  const t = (message: Message) => formatMessage(message, language);
  const colon = language === 'zh' ? '：' : ': ';
  const space = language === 'zh' ? '' : ' ';
  let problem = firstProblem;
  // Only a broken input repeats itself this often; a person stops with Ctrl+C long before.
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const prompt = problem === undefined ? t(question) : `${t(problem)}${space}${t(question)}`;
    const answer = (await ask(`${prompt}${colon}`)).trim();
    if (answer === '' && optional) return '';
    problem = answer === '' ? msg('cli.answer-required') : answerProblem(field, answer, context);
    if (problem === undefined) return answer;
  }
  throw new MshubError('USAGE', problem ?? msg('cli.answer-required'));
}

/**
 * Questions on a terminal; none when input is not one (a script gets a clear error instead). Ctrl+C
 * or Ctrl+D at a question ends `new` with INTERRUPTED, which the command turns into one line and 130.
 */
export function terminalAsk(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
): Ask | undefined {
  if (input.isTTY !== true) return undefined;
  return async (question) => {
    const lines = createInterface({ input, output });
    const stopped = new AbortController();
    const stop = () => stopped.abort();
    lines.once('SIGINT', stop);
    lines.once('close', stop);
    try {
      return await lines.question(question, { signal: stopped.signal });
    } catch (error) {
      if (stopped.signal.aborted)
        throw new MshubError('INTERRUPTED', msg('cli.interrupted'), { cause: error });
      throw error;
    } finally {
      lines.off('SIGINT', stop);
      lines.off('close', stop);
      lines.close();
    }
  };
}
