/** The languages every message is written in. */
export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/**
 * What a message parameter holds. `text` is inserted as it is; `number` is a count that can choose
 * a plural form; `line` is a line or column number; `list` and `orList` are joined the way the language joins a list
 * ("a, b and c", "a、b 和 c"); `message` is another message, written in the same language, and
 * `messageList` a list of them. Text from a pull request is quoted with `q()` or `inCode()` by the
 * code that builds the message, before it becomes a parameter.
 */
export type ParamKind = 'text' | 'number' | 'line' | 'list' | 'orList' | 'message' | 'messageList';

export interface MessageSpec {
  params?: Readonly<Record<string, ParamKind>>;
  /** ICU MessageFormat patterns. */
  en: string;
  zh: string;
}

type ValueOf<Kind extends ParamKind> = Kind extends 'number' | 'line'
  ? number
  : Kind extends 'list' | 'orList'
    ? readonly string[]
    : Kind extends 'message'
      ? Message
      : Kind extends 'messageList'
        ? readonly Message[]
        : string;

export type ParamsFor<Spec extends MessageSpec> = Spec extends {
  params: infer Params extends Readonly<Record<string, ParamKind>>;
}
  ? { readonly [Name in keyof Params]: ValueOf<Params[Name]> }
  : Record<never, never>;

export type ParamValue = string | number | readonly string[] | Message | readonly Message[];

/** A message to be written in whichever language the reader wants: its id and its parameters. */
export interface Message {
  id: string;
  params: Readonly<Record<string, ParamValue>>;
}
