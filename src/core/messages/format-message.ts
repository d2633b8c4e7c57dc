import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOG, type MessageId } from './catalog.js';
import type { Language, Message, MessageSpec, ParamKind, ParamsFor, ParamValue } from './message-spec.js';

const LOCALE: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

type Args<Id extends MessageId> = keyof ParamsFor<(typeof CATALOG)[Id]> extends never
  ? []
  : [params: ParamsFor<(typeof CATALOG)[Id]>];

/** A message from the catalog with its parameters, checked against the catalog's declaration. */
export function msg<Id extends MessageId>(id: Id, ...args: Args<Id>): Message {
  return { id: id as string, params: (args[0] ?? {}) as Message['params'] };
}

type Formatter = (values: Record<string, string | number>) => string;

/** One compiled pattern per language and message: the catalog bounds the cache. */
const compiled = new Map<string, Formatter>();

function formatterOf(id: string, spec: MessageSpec, language: Language): Formatter {
  const key = `${language}\u0000${id}`;
  let formatter = compiled.get(key);
  if (!formatter) {
    // `ignoreTag`: messages hold `<file>` and `<https://...>` as text, never markup.
    const elements = parse(spec[language], { ignoreTag: true });
    formatter = isPlain(elements)
      ? plainFormatter(elements)
      : icuFormatter(new IntlMessageFormat(elements, LOCALE[language], undefined, { ignoreTag: true }));
    compiled.set(key, formatter);
  }
  return formatter;
}

/**
 * Most messages are text and `{name}` arguments only: those are joined directly, as ICU would join
 * them, since a whole hub's findings are formatted in one run. Plurals and selects go through ICU.
 */
function isPlain(elements: readonly MessageFormatElement[]): boolean {
  return elements.every((element) => element.type === TYPE.literal || element.type === TYPE.argument);
}

function plainFormatter(elements: readonly MessageFormatElement[]): Formatter {
  const parts = elements.map((element) =>
    element.type === TYPE.literal ? { text: element.value } : { name: (element as { value: string }).value },
  );
  return (values) => {
    let out = '';
    for (const part of parts) out += 'text' in part ? part.text : String(values[part.name] ?? '');
    return out;
  };
}

function icuFormatter(format: IntlMessageFormat): Formatter {
  return (values) => String(format.format(values));
}

const listFormats = new Map<string, Intl.ListFormat>();

function joinList(items: readonly string[], kind: 'list' | 'orList', language: Language): string {
  const key = `${language}:${kind}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(LOCALE[language], {
      type: kind === 'list' ? 'conjunction' : 'disjunction',
    });
    listFormats.set(key, format);
  }
  return format.format(items);
}

function isMessageId(id: string): id is MessageId & string {
  return Object.hasOwn(CATALOG, id);
}

/** The message in one language. An id the catalog does not hold (an old queued review) shows as itself. */
export function formatMessage(message: Message, language: Language): string {
  if (!isMessageId(message.id)) return message.id;
  const spec: MessageSpec = CATALOG[message.id];
  const values: Record<string, string | number> = {};
  for (const [name, kind] of Object.entries(spec.params ?? {}) as Array<[string, ParamKind]>) {
    const value: ParamValue | undefined = message.params[name];
    if (kind === 'list' || kind === 'orList')
      values[name] = joinList(Array.isArray(value) ? value.map(String) : [], kind, language);
    else if (kind === 'messageList')
      values[name] = joinList(
        Array.isArray(value)
          ? value.map((item) => (isMessage(item) ? formatMessage(item, language) : ''))
          : [],
        'list',
        language,
      );
    else if (kind === 'message')
      values[name] = isMessage(value) ? formatMessage(value, language) : String(value ?? '');
    else if (kind === 'number') values[name] = typeof value === 'number' ? value : Number(value);
    else values[name] = typeof value === 'object' ? '' : String(value ?? '');
  }
  return formatterOf(message.id, spec, language)(values);
}

function isMessage(value: ParamValue | string | Message | undefined): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value;
}
