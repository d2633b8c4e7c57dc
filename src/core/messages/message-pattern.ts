import type { Language } from './message-spec.js';

/**
 * The part of ICU MessageFormat the catalog is written in: text, `{name}`, `{name, plural, ...}`
 * (`=N` and the language's categories, `#`), `{name, select, ...}`, and ICU's apostrophe quoting.
 * Its own reader, not intl-messageformat: loading and warming that library (and the number format
 * behind `#`) took a tenth of the time `validate` needs for a whole hub. A test holds the output
 * equal to intl-messageformat's for every message of the catalog, in both languages.
 */
export type Formatter = (values: Readonly<Record<string, string | number>>) => string;

type Part =
  | string
  | { kind: 'argument'; name: string }
  | { kind: 'pound' }
  | { kind: 'plural'; name: string; offset: number; options: Map<string, Part[]> }
  | { kind: 'select'; name: string; options: Map<string, Part[]> };

/** A catalog pattern outside that subset: a mistake in the catalog, which its test finds first. */
export class MessagePatternError extends Error {
  readonly code = 'MESSAGE_PATTERN';
}

const LOCALE: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

export function compilePattern(pattern: string, language: Language): Formatter {
  const reader = new PatternReader(pattern);
  const parts = reader.message(false);
  if (reader.at < pattern.length) reader.fail('an unmatched }');
  const locale = LOCALE[language];
  return (values) => write(parts, values, locale, undefined);
}

function write(
  parts: readonly Part[],
  values: Readonly<Record<string, string | number>>,
  locale: string,
  pluralValue: number | undefined,
): string {
  let out = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as Part;
    if (typeof part === 'string') out += part;
    else if (part.kind === 'argument') out += String(values[part.name] ?? '');
    else if (part.kind === 'pound')
      out += pluralValue === undefined ? '#' : formatNumber(pluralValue, locale);
    else if (part.kind === 'select') {
      const chosen = part.options.get(String(values[part.name] ?? '')) ?? part.options.get('other') ?? [];
      out += write(chosen, values, locale, pluralValue);
    } else {
      const value = Number(values[part.name]);
      const shown = value - part.offset;
      const chosen =
        part.options.get(`=${value}`) ??
        part.options.get(pluralRules(locale).select(shown)) ??
        part.options.get('other') ??
        [];
      out += write(chosen, values, locale, shown);
    }
  }
  return out;
}

const pluralRulesByLocale = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesByLocale.set(locale, rules);
  }
  return rules;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** As ICU writes `#`; small whole numbers (nearly every count) read the same in every locale here. */
function formatNumber(value: number, locale: string): string {
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

const OPEN = '{';
const CLOSE = '}';
const APOSTROPHE = "'";
const NAME = /[A-Za-z0-9_]/;
const SELECTOR = /[A-Za-z0-9_=.-]/;

class PatternReader {
  at = 0;

  constructor(private readonly pattern: string) {}

  fail(problem: string): never {
    throw new MessagePatternError(`The message pattern has ${problem} at ${this.at}: ${this.pattern}`);
  }

  /** Text and arguments up to a `}` that closes an option (nested) or the end (top level). */
  message(nested: boolean, inPlural = false): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') parts.push(text);
      text = '';
    };
    while (this.at < this.pattern.length) {
      const char = this.pattern[this.at] as string;
      if (char === CLOSE) {
        if (!nested) break;
        flush();
        return parts;
      }
      if (char === OPEN) {
        flush();
        parts.push(this.argument());
        continue;
      }
      if (char === '#' && inPlural) {
        flush();
        parts.push({ kind: 'pound' });
        this.at++;
        continue;
      }
      if (char === APOSTROPHE) {
        text += this.quoted(inPlural);
        continue;
      }
      text += char;
      this.at++;
    }
    if (nested) this.fail('an option that is not closed');
    flush();
    return parts;
  }

  /** ICU quoting: `''` is one apostrophe; `'` before a syntax character quotes up to the next `'`. */
  private quoted(inPlural: boolean): string {
    const next = this.pattern[this.at + 1];
    if (next === APOSTROPHE) {
      this.at += 2;
      return APOSTROPHE;
    }
    if (next !== OPEN && next !== CLOSE && next !== '|' && !(inPlural && next === '#')) {
      this.at++;
      return APOSTROPHE;
    }
    let text = '';
    this.at++;
    while (this.at < this.pattern.length) {
      const char = this.pattern[this.at] as string;
      if (char === APOSTROPHE) {
        if (this.pattern[this.at + 1] === APOSTROPHE) {
          text += APOSTROPHE;
          this.at += 2;
          continue;
        }
        this.at++;
        return text;
      }
      text += char;
      this.at++;
    }
    return text;
  }

  private argument(): Part {
    this.at++;
    const name = this.word(NAME);
    if (name === '') this.fail('an argument without a name');
    this.spaces();
    if (this.pattern[this.at] === CLOSE) {
      this.at++;
      return { kind: 'argument', name };
    }
    this.expect(',');
    const type = this.word(NAME);
    if (type !== 'plural' && type !== 'select')
      this.fail(`the argument type "${type}", which the catalog does not use`);
    this.expect(',');
    if (type === 'plural') {
      let offset = 0;
      if (this.pattern.startsWith('offset:', this.at)) {
        this.at += 'offset:'.length;
        offset = Number(this.word(/[0-9]/));
      }
      return { kind: 'plural', name, offset, options: this.options(true) };
    }
    return { kind: 'select', name, options: this.options(false) };
  }

  private options(inPlural: boolean): Map<string, Part[]> {
    const options = new Map<string, Part[]>();
    for (;;) {
      this.spaces();
      if (this.at >= this.pattern.length) this.fail('an argument that is not closed');
      if (this.pattern[this.at] === CLOSE) break;
      const selector = this.word(SELECTOR);
      if (selector === '') this.fail('an option without a selector');
      this.spaces();
      if (this.pattern[this.at] !== OPEN) this.fail(`no { after the option ${selector}`);
      this.at++;
      options.set(selector, this.message(true, inPlural));
      this.at++;
    }
    this.at++;
    if (!options.has('other')) this.fail('no "other" option');
    return options;
  }

  private word(allowed: RegExp): string {
    this.spaces();
    const start = this.at;
    while (this.at < this.pattern.length && allowed.test(this.pattern[this.at] as string)) this.at++;
    return this.pattern.slice(start, this.at);
  }

  private spaces(): void {
    while (/\s/.test(this.pattern[this.at] ?? '')) this.at++;
  }

  private expect(char: string): void {
    this.spaces();
    if (this.pattern[this.at] !== char) this.fail(`no "${char}"`);
    this.at++;
  }
}
