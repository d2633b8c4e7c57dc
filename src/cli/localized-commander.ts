import type { Argument, Option } from 'commander';
import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language, Message } from '../core/messages/message-spec.js';

/**
 * commander writes its own errors and the `(choices: …, default: …)` of its help in English. These
 * say them in the contributor's language, from the message catalog. An error commander words in a
 * way not listed here is left as it wrote it.
 */
const ERRORS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => Message]> = [
  [/^error: unknown option ('[^']*')/, (m) => msg('cli.usage-unknown-option', { option: m[1] as string })],
  [/^error: unknown command ('[^']*')/, (m) => msg('cli.usage-unknown-command', { command: m[1] as string })],
  [
    /^error: missing required argument ('[^']*')/,
    (m) => msg('cli.usage-missing-argument', { argument: m[1] as string }),
  ],
  [
    /^error: option ('[^']*') argument missing/,
    (m) => msg('cli.usage-option-missing-value', { option: m[1] as string }),
  ],
  [
    /^error: option ('[^']*') argument ('[^']*') is invalid\. Allowed choices are (.*)\./,
    (m) =>
      msg('cli.usage-invalid-choice', {
        option: m[1] as string,
        value: m[2] as string,
        choices: m[3] as string,
      }),
  ],
  [
    /^error: too many arguments(?: for ('[^']*'))?\./,
    (m) => msg('cli.usage-too-many-arguments', { command: m[1] ?? "'mshub-review'" }),
  ],
];
const SUGGESTION = /\(Did you mean (?:one of )?(.*)\?\)/;
const ERROR_PREFIX: Record<Language, string> = { en: 'error: ', zh: '错误：' };

/** commander's error text, said in the language; English text is left as commander wrote it. */
export function localizedCommanderError(text: string, language: Language): string {
  if (language === 'en') return text;
  for (const [pattern, message] of ERRORS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const suggestion = SUGGESTION.exec(text)?.[1];
    const said = formatMessage(message(match), language);
    const hint = suggestion
      ? `\n${formatMessage(msg('cli.usage-did-you-mean', { guess: suggestion }), language)}`
      : '';
    return `${ERROR_PREFIX[language]}${said}${hint}\n`;
  }
  return text;
}

/** commander's Help.optionDescription, its `(choices: …, default: …)` in the language. */
export function localizedOptionDescription(option: Option, language: Language): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(choices(option.argChoices, language));
  if (option.defaultValue !== undefined) {
    const shown =
      option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (shown) extra.push(defaultOf(option.defaultValueDescription, option.defaultValue, language));
  }
  return withExtra(option.description, extra, language);
}

/** commander's Help.argumentDescription, the same for an argument. */
export function localizedArgumentDescription(argument: Argument, language: Language): string {
  const extra: string[] = [];
  if (argument.argChoices) extra.push(choices(argument.argChoices, language));
  if (argument.defaultValue !== undefined)
    extra.push(defaultOf(argument.defaultValueDescription, argument.defaultValue, language));
  return withExtra(argument.description, extra, language);
}

function choices(values: readonly string[], language: Language): string {
  return formatMessage(
    msg('cli.help-choices', { values: values.map((value) => JSON.stringify(value)).join(', ') }),
    language,
  );
}

function defaultOf(description: string | undefined, value: unknown, language: Language): string {
  return formatMessage(msg('cli.help-default', { value: description || JSON.stringify(value) }), language);
}

function withExtra(description: string, extra: readonly string[], language: Language): string {
  if (extra.length === 0) return description;
  const joined = language === 'zh' ? `（${extra.join('，')}）` : `(${extra.join(', ')})`;
  return description ? `${description}${language === 'zh' ? '' : ' '}${joined}` : joined;
}
