import { CATALOG, type MessageId } from './catalog.js';
import { compilePattern, type Formatter } from './message-pattern.js';
import type { Language, Message, MessageSpec, ParamKind, ParamsFor, ParamValue } from './message-spec.js';

type Args<Id extends MessageId> = keyof ParamsFor<(typeof CATALOG)[Id]> extends never
  ? []
  : [params: ParamsFor<(typeof CATALOG)[Id]>];

/** A message from the catalog with its parameters, checked against the catalog's declaration. */
export function msg<Id extends MessageId>(id: Id, ...args: Args<Id>): Message {
  return { id: id as string, params: (args[0] ?? {}) as Message['params'] };
}

interface Compiled {
  format: Formatter;
  params: ReadonlyArray<readonly [string, ParamKind]>;
}

/**
 * One compiled pattern per language and message: the catalog bounds the cache. By language, then by
 * id: a key joined from both would be a new string to build and hash for every message formatted.
 */
const compiled: Record<Language, Map<string, Compiled>> = { en: new Map(), zh: new Map() };

function compiledOf(id: string, spec: MessageSpec, language: Language): Compiled {
  const forLanguage = compiled[language];
  let found = forLanguage.get(id);
  if (!found) {
    found = {
      format: compilePattern(spec[language], language),
      params: Object.entries(spec.params ?? {}) as Array<[string, ParamKind]>,
    };
    forLanguage.set(id, found);
  }
  return found;
}

/** What Intl.ListFormat writes for `en` and `zh-CN` (a test holds them equal), without its cost per call. */
const LIST_WORDS: Record<
  Language,
  Record<'list' | 'orList', { separator: string; last: string; pair: string }>
> = {
  en: {
    list: { separator: ', ', last: ', and ', pair: ' and ' },
    orList: { separator: ', ', last: ', or ', pair: ' or ' },
  },
  // Intl.ListFormat's words; joinList spaces them from what is not Chinese (the catalog's typography).
  zh: {
    list: { separator: '\u3001', last: '\u548c', pair: '\u548c' },
    orList: { separator: '\u3001', last: '\u6216', pair: '\u6216' },
  },
};

export function joinList(items: readonly string[], kind: 'list' | 'orList', language: Language): string {
  const words = LIST_WORDS[language][kind];
  if (items.length <= 1) return items[0] ?? '';
  const head = items.length === 2 ? (items[0] as string) : items.slice(0, -1).join(words.separator);
  const word = items.length === 2 ? words.pair : words.last;
  const tail = items[items.length - 1] as string;
  if (language === 'en') return `${head}${word}${tail}`;
  // Chinese takes no space before Chinese, and one before code, names and numbers (`a` 和 `b`, 2 个错误和 1 个警告).
  return `${head}${CHINESE_END.test(head) ? '' : ' '}${word}${CHINESE_START.test(tail) ? '' : ' '}${tail}`;
}

const CHINESE_END = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$/;
const CHINESE_START = /^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function isMessageId(id: string): id is MessageId & string {
  return Object.hasOwn(CATALOG, id);
}

/** The message in one language. An id the catalog does not hold (an old queued review) shows as itself. */
export function formatMessage(message: Message, language: Language): string {
  if (!isMessageId(message.id)) return message.id;
  const { format, params } = compiledOf(message.id, CATALOG[message.id], language);
  const values: Record<string, string | number> = {};
  // Indexed: every finding of a hub-wide run passes here twice, mostly before this is optimized.
  for (let index = 0; index < params.length; index++) {
    const [name, kind] = params[index] as readonly [string, ParamKind];
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
  return format(values);
}

function isMessage(value: ParamValue | string | Message | undefined): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value;
}
