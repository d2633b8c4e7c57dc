import { type Mark, PyYamlError, pythonRepr } from './pyyaml-error.js';

/**
 * PyYAML's Reader and Scanner (PyYAML 6.0, `reader.py` and `scanner.py`, MIT licence), ported line
 * for line so that every text is cut into the same tokens, and every error is raised with the same
 * words at the same line and column. Its quirks are kept on purpose: they are what the hub's
 * `yaml.load` does. Proven against PyYAML itself by `npm run parity`.
 */

export type TokenKind =
  | 'directive'
  | 'document-start'
  | 'document-end'
  | 'stream-start'
  | 'stream-end'
  | 'block-sequence-start'
  | 'block-mapping-start'
  | 'block-end'
  | 'flow-sequence-start'
  | 'flow-mapping-start'
  | 'flow-sequence-end'
  | 'flow-mapping-end'
  | 'key'
  | 'value'
  | 'block-entry'
  | 'flow-entry'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'scalar';

/** The `id` PyYAML prints for each token in its messages. */
export const TOKEN_ID: Record<TokenKind, string> = {
  directive: '<directive>',
  'document-start': '<document start>',
  'document-end': '<document end>',
  'stream-start': '<stream start>',
  'stream-end': '<stream end>',
  'block-sequence-start': '<block sequence start>',
  'block-mapping-start': '<block mapping start>',
  'block-end': '<block end>',
  'flow-sequence-start': '[',
  'flow-mapping-start': '{',
  'flow-sequence-end': ']',
  'flow-mapping-end': '}',
  key: '?',
  value: ':',
  'block-entry': '-',
  'flow-entry': ',',
  alias: '<alias>',
  anchor: '<anchor>',
  tag: '<tag>',
  scalar: '<scalar>',
};

export interface Token {
  kind: TokenKind;
  start: Mark;
  end: Mark;
  /** Anchor or alias name, scalar text, directive name. */
  value?: string;
  /** A tag's handle (null for a verbatim tag) and suffix. */
  tag?: [string | null, string];
  /** A directive's value: `[major, minor]` for YAML, `[handle, prefix]` for TAG. */
  directive?: [number, number] | [string, string];
  plain?: boolean;
  style?: string;
}

interface SimpleKey {
  tokenNumber: number;
  required: boolean;
  index: number;
  line: number;
  column: number;
  mark: Mark;
}

const BREAKS = '\r\n\x85\u2028\u2029';
const BREAK_OR_END = `\0${BREAKS}`;
const BLANK_OR_END = `\0 \t${BREAKS}`;
/** Everything outside this PyYAML refuses before it reads the first token. */
const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ALPHANUMERIC = /^[0-9A-Za-z_-]$/;
const URI_CHAR = /^[0-9A-Za-z\-;/?:@&=+$,_.!~*'()[\]%]$/;
const HEX = '0123456789ABCDEFabcdef';

const ESCAPE_REPLACEMENTS: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\x08',
  t: '\x09',
  '\t': '\x09',
  n: '\x0A',
  v: '\x0B',
  f: '\x0C',
  r: '\x0D',
  e: '\x1B',
  ' ': '\x20',
  '"': '"',
  '\\': '\\',
  '/': '/',
  N: '\x85',
  _: '\xA0',
  L: '\u2028',
  P: '\u2029',
};
const ESCAPE_CODES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** `ch in '...'` in Python, for one character (never empty here). */
function isIn(ch: string, set: string): boolean {
  return set.includes(ch);
}

export class Scanner {
  /** The text as code points, with PyYAML's `\0` at the end. */
  private readonly buffer: string[];
  private pointer = 0;
  private line = 0;
  private column = 0;

  private done = false;
  private flowLevel = 0;
  private readonly tokens: Token[] = [];
  private tokensTaken = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private allowSimpleKey = true;
  private possibleSimpleKeys = new Map<number, SimpleKey>();

  constructor(text: string) {
    const bad = NON_PRINTABLE.exec(text);
    if (bad) {
      const position = Array.from(text.slice(0, bad.index)).length;
      const code = bad[0].codePointAt(0) as number;
      throw new PyYamlError(
        'reader',
        undefined,
        undefined,
        `unacceptable character #x${code.toString(16).padStart(4, '0')}: special characters are not allowed`,
        markAtPosition(text, position),
      );
    }
    this.buffer = Array.from(text);
    this.buffer.push('\0');
    this.fetchStreamStart();
  }

  // Reader

  private peek(index = 0): string {
    return this.buffer[this.pointer + index] ?? '\0';
  }

  private prefix(length = 1): string {
    return this.buffer.slice(this.pointer, this.pointer + length).join('');
  }

  private forward(length = 1): void {
    while (length) {
      const ch = this.buffer[this.pointer] as string;
      this.pointer++;
      if (isIn(ch, '\n\x85\u2028\u2029') || (ch === '\r' && this.buffer[this.pointer] !== '\n')) {
        this.line++;
        this.column = 0;
      } else if (ch !== '\uFEFF') {
        this.column++;
      }
      length--;
    }
  }

  getMark(): Mark {
    return { index: this.pointer, line: this.line, column: this.column };
  }

  // Public methods

  checkToken(...kinds: TokenKind[]): boolean {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    const first = this.tokens[0];
    if (!first) return false;
    return kinds.length === 0 || kinds.includes(first.kind);
  }

  peekToken(): Token | undefined {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    return this.tokens[0];
  }

  getToken(): Token | undefined {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    if (this.tokens.length === 0) return undefined;
    this.tokensTaken++;
    return this.tokens.shift();
  }

  // Private methods

  private needMoreTokens(): boolean {
    if (this.done) return false;
    if (this.tokens.length === 0) return true;
    this.stalePossibleSimpleKeys();
    return this.nextPossibleSimpleKey() === this.tokensTaken;
  }

  private fetchMoreTokens(): void {
    this.scanToNextToken();
    this.stalePossibleSimpleKeys();
    this.unwindIndent(this.column);
    const ch = this.peek();
    if (ch === '\0') this.fetchStreamEnd();
    else if (ch === '%' && this.checkDirective()) this.fetchDirective();
    else if (ch === '-' && this.checkDocumentStart()) this.fetchDocumentIndicator('document-start');
    else if (ch === '.' && this.checkDocumentEnd()) this.fetchDocumentIndicator('document-end');
    else if (ch === '[') this.fetchFlowCollectionStart('flow-sequence-start');
    else if (ch === '{') this.fetchFlowCollectionStart('flow-mapping-start');
    else if (ch === ']') this.fetchFlowCollectionEnd('flow-sequence-end');
    else if (ch === '}') this.fetchFlowCollectionEnd('flow-mapping-end');
    else if (ch === ',') this.fetchFlowEntry();
    else if (ch === '-' && this.checkBlockEntry()) this.fetchBlockEntry();
    else if (ch === '?' && this.checkKey()) this.fetchKey();
    else if (ch === ':' && this.checkValue()) this.fetchValue();
    else if (ch === '*') this.fetchAnchor('alias');
    else if (ch === '&') this.fetchAnchor('anchor');
    else if (ch === '!') this.fetchTag();
    else if (ch === '|' && !this.flowLevel) this.fetchBlockScalar('|');
    else if (ch === '>' && !this.flowLevel) this.fetchBlockScalar('>');
    else if (ch === "'") this.fetchFlowScalar("'");
    else if (ch === '"') this.fetchFlowScalar('"');
    else if (this.checkPlain()) this.fetchPlain();
    else
      throw new PyYamlError(
        'scanner',
        'while scanning for the next token',
        undefined,
        `found character ${pythonRepr(ch)} that cannot start any token`,
        this.getMark(),
      );
  }

  // Simple keys

  private nextPossibleSimpleKey(): number | undefined {
    let min: number | undefined;
    for (const key of this.possibleSimpleKeys.values())
      if (min === undefined || key.tokenNumber < min) min = key.tokenNumber;
    return min;
  }

  private stalePossibleSimpleKeys(): void {
    for (const [level, key] of [...this.possibleSimpleKeys]) {
      if (key.line !== this.line || this.pointer - key.index > 1024) {
        if (key.required)
          throw new PyYamlError(
            'scanner',
            'while scanning a simple key',
            key.mark,
            "could not find expected ':'",
            this.getMark(),
          );
        this.possibleSimpleKeys.delete(level);
      }
    }
  }

  private savePossibleSimpleKey(): void {
    const required = !this.flowLevel && this.indent === this.column;
    if (this.allowSimpleKey) {
      this.removePossibleSimpleKey();
      this.possibleSimpleKeys.set(this.flowLevel, {
        tokenNumber: this.tokensTaken + this.tokens.length,
        required,
        index: this.pointer,
        line: this.line,
        column: this.column,
        mark: this.getMark(),
      });
    }
  }

  private removePossibleSimpleKey(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel);
    if (key) {
      if (key.required)
        throw new PyYamlError(
          'scanner',
          'while scanning a simple key',
          key.mark,
          "could not find expected ':'",
          this.getMark(),
        );
      this.possibleSimpleKeys.delete(this.flowLevel);
    }
  }

  // Indentation

  private unwindIndent(column: number): void {
    if (this.flowLevel) return;
    while (this.indent > column) {
      const mark = this.getMark();
      this.indent = this.indents.pop() as number;
      this.tokens.push({ kind: 'block-end', start: mark, end: mark });
    }
  }

  private addIndent(column: number): boolean {
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      return true;
    }
    return false;
  }

  // Fetchers

  private fetchStreamStart(): void {
    const mark = this.getMark();
    this.tokens.push({ kind: 'stream-start', start: mark, end: mark });
  }

  private fetchStreamEnd(): void {
    this.unwindIndent(-1);
    this.removePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.possibleSimpleKeys = new Map();
    const mark = this.getMark();
    this.tokens.push({ kind: 'stream-end', start: mark, end: mark });
    this.done = true;
  }

  private fetchDirective(): void {
    this.unwindIndent(-1);
    this.removePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanDirective());
  }

  private fetchDocumentIndicator(kind: 'document-start' | 'document-end'): void {
    this.unwindIndent(-1);
    this.removePossibleSimpleKey();
    this.allowSimpleKey = false;
    const start = this.getMark();
    this.forward(3);
    this.tokens.push({ kind, start, end: this.getMark() });
  }

  private fetchFlowCollectionStart(kind: 'flow-sequence-start' | 'flow-mapping-start'): void {
    this.savePossibleSimpleKey();
    this.flowLevel++;
    this.allowSimpleKey = true;
    const start = this.getMark();
    this.forward();
    this.tokens.push({ kind, start, end: this.getMark() });
  }

  private fetchFlowCollectionEnd(kind: 'flow-sequence-end' | 'flow-mapping-end'): void {
    this.removePossibleSimpleKey();
    this.flowLevel--;
    this.allowSimpleKey = false;
    const start = this.getMark();
    this.forward();
    this.tokens.push({ kind, start, end: this.getMark() });
  }

  private fetchFlowEntry(): void {
    this.allowSimpleKey = true;
    this.removePossibleSimpleKey();
    const start = this.getMark();
    this.forward();
    this.tokens.push({ kind: 'flow-entry', start, end: this.getMark() });
  }

  private fetchBlockEntry(): void {
    if (!this.flowLevel) {
      if (!this.allowSimpleKey)
        throw new PyYamlError(
          'scanner',
          undefined,
          undefined,
          'sequence entries are not allowed here',
          this.getMark(),
        );
      if (this.addIndent(this.column)) {
        const mark = this.getMark();
        this.tokens.push({ kind: 'block-sequence-start', start: mark, end: mark });
      }
    }
    this.allowSimpleKey = true;
    this.removePossibleSimpleKey();
    const start = this.getMark();
    this.forward();
    this.tokens.push({ kind: 'block-entry', start, end: this.getMark() });
  }

  private fetchKey(): void {
    if (!this.flowLevel) {
      if (!this.allowSimpleKey)
        throw new PyYamlError(
          'scanner',
          undefined,
          undefined,
          'mapping keys are not allowed here',
          this.getMark(),
        );
      if (this.addIndent(this.column)) {
        const mark = this.getMark();
        this.tokens.push({ kind: 'block-mapping-start', start: mark, end: mark });
      }
    }
    this.allowSimpleKey = !this.flowLevel;
    this.removePossibleSimpleKey();
    const start = this.getMark();
    this.forward();
    this.tokens.push({ kind: 'key', start, end: this.getMark() });
  }

  private fetchValue(): void {
    const key = this.possibleSimpleKeys.get(this.flowLevel);
    if (key) {
      this.possibleSimpleKeys.delete(this.flowLevel);
      this.tokens.splice(key.tokenNumber - this.tokensTaken, 0, {
        kind: 'key',
        start: key.mark,
        end: key.mark,
      });
      if (!this.flowLevel && this.addIndent(key.column))
        this.tokens.splice(key.tokenNumber - this.tokensTaken, 0, {
          kind: 'block-mapping-start',
          start: key.mark,
          end: key.mark,
        });
      this.allowSimpleKey = false;
    } else {
      if (!this.flowLevel && !this.allowSimpleKey)
        throw new PyYamlError(
          'scanner',
          undefined,
          undefined,
          'mapping values are not allowed here',
          this.getMark(),
        );
      if (!this.flowLevel && this.addIndent(this.column)) {
        const mark = this.getMark();
        this.tokens.push({ kind: 'block-mapping-start', start: mark, end: mark });
      }
      this.allowSimpleKey = !this.flowLevel;
      this.removePossibleSimpleKey();
    }
    const start = this.getMark();
    this.forward();
    this.tokens.push({ kind: 'value', start, end: this.getMark() });
  }

  private fetchAnchor(kind: 'alias' | 'anchor'): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanAnchor(kind));
  }

  private fetchTag(): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanTag());
  }

  private fetchBlockScalar(style: '|' | '>'): void {
    this.allowSimpleKey = true;
    this.removePossibleSimpleKey();
    this.tokens.push(this.scanBlockScalar(style));
  }

  private fetchFlowScalar(style: "'" | '"'): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanFlowScalar(style));
  }

  private fetchPlain(): void {
    this.savePossibleSimpleKey();
    this.allowSimpleKey = false;
    this.tokens.push(this.scanPlain());
  }

  // Checkers

  private checkDirective(): boolean {
    return this.column === 0;
  }

  private checkDocumentStart(): boolean {
    return this.column === 0 && this.prefix(3) === '---' && isIn(this.peek(3), BLANK_OR_END);
  }

  private checkDocumentEnd(): boolean {
    return this.column === 0 && this.prefix(3) === '...' && isIn(this.peek(3), BLANK_OR_END);
  }

  private checkBlockEntry(): boolean {
    return isIn(this.peek(1), BLANK_OR_END);
  }

  private checkKey(): boolean {
    return this.flowLevel > 0 || isIn(this.peek(1), BLANK_OR_END);
  }

  private checkValue(): boolean {
    return this.flowLevel > 0 || isIn(this.peek(1), BLANK_OR_END);
  }

  private checkPlain(): boolean {
    const ch = this.peek();
    return (
      !isIn(ch, `${BLANK_OR_END}-?:,[]{}#&*!|>'"%@\``) ||
      (!isIn(this.peek(1), BLANK_OR_END) && (ch === '-' || (!this.flowLevel && isIn(ch, '?:'))))
    );
  }

  // Scanners

  private scanToNextToken(): void {
    if (this.pointer === 0 && this.peek() === '\uFEFF') this.forward();
    for (;;) {
      while (this.peek() === ' ') this.forward();
      if (this.peek() === '#') while (!isIn(this.peek(), BREAK_OR_END)) this.forward();
      if (this.scanLineBreak()) {
        if (!this.flowLevel) this.allowSimpleKey = true;
      } else {
        return;
      }
    }
  }

  private directiveError(start: Mark, problem: string): PyYamlError {
    return new PyYamlError('scanner', 'while scanning a directive', start, problem, this.getMark());
  }

  private scanDirective(): Token {
    const start = this.getMark();
    this.forward();
    const name = this.scanDirectiveName(start);
    const token: Token = { kind: 'directive', start, end: start, value: name };
    if (name === 'YAML') {
      token.directive = this.scanYamlDirectiveValue(start);
      token.end = this.getMark();
    } else if (name === 'TAG') {
      token.directive = this.scanTagDirectiveValue(start);
      token.end = this.getMark();
    } else {
      token.end = this.getMark();
      while (!isIn(this.peek(), BREAK_OR_END)) this.forward();
    }
    this.scanDirectiveIgnoredLine(start);
    return token;
  }

  private scanDirectiveName(start: Mark): string {
    let length = 0;
    let ch = this.peek(length);
    while (ALPHANUMERIC.test(ch)) {
      length++;
      ch = this.peek(length);
    }
    if (!length)
      throw this.directiveError(
        start,
        `expected alphabetic or numeric character, but found ${pythonRepr(ch)}`,
      );
    const value = this.prefix(length);
    this.forward(length);
    ch = this.peek();
    if (!isIn(ch, `\0 ${BREAKS}`))
      throw this.directiveError(
        start,
        `expected alphabetic or numeric character, but found ${pythonRepr(ch)}`,
      );
    return value;
  }

  private scanYamlDirectiveValue(start: Mark): [number, number] {
    while (this.peek() === ' ') this.forward();
    const major = this.scanYamlDirectiveNumber(start);
    if (this.peek() !== '.')
      throw this.directiveError(start, `expected a digit or '.', but found ${pythonRepr(this.peek())}`);
    this.forward();
    const minor = this.scanYamlDirectiveNumber(start);
    if (!isIn(this.peek(), `\0 ${BREAKS}`))
      throw this.directiveError(start, `expected a digit or ' ', but found ${pythonRepr(this.peek())}`);
    return [major, minor];
  }

  private scanYamlDirectiveNumber(start: Mark): number {
    const ch = this.peek();
    if (!(ch >= '0' && ch <= '9'))
      throw this.directiveError(start, `expected a digit, but found ${pythonRepr(ch)}`);
    let length = 0;
    while (this.peek(length) >= '0' && this.peek(length) <= '9') length++;
    const value = Number.parseInt(this.prefix(length), 10);
    this.forward(length);
    return value;
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    while (this.peek() === ' ') this.forward();
    const handle = this.scanTagHandle('directive', start);
    if (this.peek() !== ' ')
      throw this.directiveError(start, `expected ' ', but found ${pythonRepr(this.peek())}`);
    while (this.peek() === ' ') this.forward();
    const prefix = this.scanTagUri('directive', start);
    if (!isIn(this.peek(), `\0 ${BREAKS}`))
      throw this.directiveError(start, `expected ' ', but found ${pythonRepr(this.peek())}`);
    return [handle, prefix];
  }

  private scanDirectiveIgnoredLine(start: Mark): void {
    while (this.peek() === ' ') this.forward();
    if (this.peek() === '#') while (!isIn(this.peek(), BREAK_OR_END)) this.forward();
    const ch = this.peek();
    if (!isIn(ch, BREAK_OR_END))
      throw this.directiveError(start, `expected a comment or a line break, but found ${pythonRepr(ch)}`);
    this.scanLineBreak();
  }

  private scanAnchor(kind: 'alias' | 'anchor'): Token {
    const start = this.getMark();
    const name = kind === 'alias' ? 'alias' : 'anchor';
    this.forward();
    let length = 0;
    let ch = this.peek(length);
    while (ALPHANUMERIC.test(ch)) {
      length++;
      ch = this.peek(length);
    }
    const error = () =>
      new PyYamlError(
        'scanner',
        `while scanning an ${name}`,
        start,
        `expected alphabetic or numeric character, but found ${pythonRepr(ch)}`,
        this.getMark(),
      );
    if (!length) throw error();
    const value = this.prefix(length);
    this.forward(length);
    ch = this.peek();
    if (!isIn(ch, `${BLANK_OR_END}?:,]}%@\``)) throw error();
    return { kind, start, end: this.getMark(), value };
  }

  private scanTag(): Token {
    const start = this.getMark();
    let ch = this.peek(1);
    let handle: string | null;
    let suffix: string;
    if (ch === '<') {
      handle = null;
      this.forward(2);
      suffix = this.scanTagUri('tag', start);
      if (this.peek() !== '>')
        throw new PyYamlError(
          'scanner',
          'while parsing a tag',
          start,
          `expected '>', but found ${pythonRepr(this.peek())}`,
          this.getMark(),
        );
      this.forward();
    } else if (isIn(ch, BLANK_OR_END)) {
      handle = null;
      suffix = '!';
      this.forward();
    } else {
      let length = 1;
      let useHandle = false;
      while (!isIn(ch, `\0 ${BREAKS}`)) {
        if (ch === '!') {
          useHandle = true;
          break;
        }
        length++;
        ch = this.peek(length);
      }
      if (useHandle) {
        handle = this.scanTagHandle('tag', start);
      } else {
        handle = '!';
        this.forward();
      }
      suffix = this.scanTagUri('tag', start);
    }
    ch = this.peek();
    if (!isIn(ch, `\0 ${BREAKS}`))
      throw new PyYamlError(
        'scanner',
        'while scanning a tag',
        start,
        `expected ' ', but found ${pythonRepr(ch)}`,
        this.getMark(),
      );
    return { kind: 'tag', start, end: this.getMark(), tag: [handle, suffix] };
  }

  private blockScalarError(start: Mark, problem: string): PyYamlError {
    return new PyYamlError('scanner', 'while scanning a block scalar', start, problem, this.getMark());
  }

  private scanBlockScalar(style: '|' | '>'): Token {
    const folded = style === '>';
    const chunks: string[] = [];
    const start = this.getMark();
    this.forward();
    const [chomping, increment] = this.scanBlockScalarIndicators(start);
    this.scanBlockScalarIgnoredLine(start);
    let minIndent = this.indent + 1;
    if (minIndent < 1) minIndent = 1;
    let breaks: string[];
    let end: Mark;
    let indent: number;
    if (increment === undefined) {
      const found = this.scanBlockScalarIndentation();
      breaks = found.chunks;
      end = found.end;
      indent = Math.max(minIndent, found.maxIndent);
    } else {
      indent = minIndent + increment - 1;
      [breaks, end] = this.scanBlockScalarBreaks(indent);
    }
    let lineBreak = '';
    while (this.column === indent && this.peek() !== '\0') {
      chunks.push(...breaks);
      const leadingNonSpace = !isIn(this.peek(), ' \t');
      let length = 0;
      while (!isIn(this.peek(length), BREAK_OR_END)) length++;
      chunks.push(this.prefix(length));
      this.forward(length);
      lineBreak = this.scanLineBreak();
      [breaks, end] = this.scanBlockScalarBreaks(indent);
      if (this.column === indent && this.peek() !== '\0') {
        if (folded && lineBreak === '\n' && leadingNonSpace && !isIn(this.peek(), ' \t')) {
          if (breaks.length === 0) chunks.push(' ');
        } else {
          chunks.push(lineBreak);
        }
      } else {
        break;
      }
    }
    if (chomping !== false) chunks.push(lineBreak);
    if (chomping === true) chunks.push(...breaks);
    return { kind: 'scalar', start, end, value: chunks.join(''), plain: false, style };
  }

  private scanBlockScalarIndicators(start: Mark): [boolean | undefined, number | undefined] {
    let chomping: boolean | undefined;
    let increment: number | undefined;
    let ch = this.peek();
    const zero = () =>
      this.blockScalarError(start, 'expected indentation indicator in the range 1-9, but found 0');
    if (isIn(ch, '+-')) {
      chomping = ch === '+';
      this.forward();
      ch = this.peek();
      if (isIn(ch, '0123456789')) {
        increment = Number(ch);
        if (increment === 0) throw zero();
        this.forward();
      }
    } else if (isIn(ch, '0123456789')) {
      increment = Number(ch);
      if (increment === 0) throw zero();
      this.forward();
      ch = this.peek();
      if (isIn(ch, '+-')) {
        chomping = ch === '+';
        this.forward();
      }
    }
    ch = this.peek();
    if (!isIn(ch, `\0 ${BREAKS}`))
      throw this.blockScalarError(
        start,
        `expected chomping or indentation indicators, but found ${pythonRepr(ch)}`,
      );
    return [chomping, increment];
  }

  private scanBlockScalarIgnoredLine(start: Mark): void {
    while (this.peek() === ' ') this.forward();
    if (this.peek() === '#') while (!isIn(this.peek(), BREAK_OR_END)) this.forward();
    const ch = this.peek();
    if (!isIn(ch, BREAK_OR_END))
      throw this.blockScalarError(start, `expected a comment or a line break, but found ${pythonRepr(ch)}`);
    this.scanLineBreak();
  }

  private scanBlockScalarIndentation(): { chunks: string[]; maxIndent: number; end: Mark } {
    const chunks: string[] = [];
    let maxIndent = 0;
    let end = this.getMark();
    while (isIn(this.peek(), ` ${BREAKS}`)) {
      if (this.peek() !== ' ') {
        chunks.push(this.scanLineBreak());
        end = this.getMark();
      } else {
        this.forward();
        if (this.column > maxIndent) maxIndent = this.column;
      }
    }
    return { chunks, maxIndent, end };
  }

  private scanBlockScalarBreaks(indent: number): [string[], Mark] {
    const chunks: string[] = [];
    let end = this.getMark();
    while (this.column < indent && this.peek() === ' ') this.forward();
    while (isIn(this.peek(), BREAKS)) {
      chunks.push(this.scanLineBreak());
      end = this.getMark();
      while (this.column < indent && this.peek() === ' ') this.forward();
    }
    return [chunks, end];
  }

  private scanFlowScalar(style: "'" | '"'): Token {
    const double = style === '"';
    const chunks: string[] = [];
    const start = this.getMark();
    const quote = this.peek();
    this.forward();
    chunks.push(...this.scanFlowScalarNonSpaces(double, start));
    while (this.peek() !== quote) {
      chunks.push(...this.scanFlowScalarSpaces(double, start));
      chunks.push(...this.scanFlowScalarNonSpaces(double, start));
    }
    this.forward();
    return { kind: 'scalar', start, end: this.getMark(), value: chunks.join(''), plain: false, style };
  }

  private scanFlowScalarNonSpaces(double: boolean, start: Mark): string[] {
    const chunks: string[] = [];
    for (;;) {
      let length = 0;
      while (!isIn(this.peek(length), `'"\\${BLANK_OR_END}`)) length++;
      if (length) {
        chunks.push(this.prefix(length));
        this.forward(length);
      }
      let ch = this.peek();
      if (!double && ch === "'" && this.peek(1) === "'") {
        chunks.push("'");
        this.forward(2);
      } else if ((double && ch === "'") || (!double && isIn(ch, '"\\'))) {
        chunks.push(ch);
        this.forward();
      } else if (double && ch === '\\') {
        this.forward();
        ch = this.peek();
        const replacement = ESCAPE_REPLACEMENTS[ch];
        const codeLength = ESCAPE_CODES[ch];
        if (replacement !== undefined && ch !== '\0') {
          chunks.push(replacement);
          this.forward();
        } else if (codeLength !== undefined) {
          this.forward();
          for (let k = 0; k < codeLength; k++)
            if (!isIn(this.peek(k), HEX) || this.peek(k) === '\0')
              throw new PyYamlError(
                'scanner',
                'while scanning a double-quoted scalar',
                start,
                `expected escape sequence of ${codeLength} hexadecimal numbers, but found ${pythonRepr(this.peek(k))}`,
                this.getMark(),
              );
          const code = Number.parseInt(this.prefix(codeLength), 16);
          if (code > 0x10ffff)
            // Python's chr() raises ValueError here, outside PyYAML's own errors.
            throw new PyYamlError(
              'scanner',
              undefined,
              undefined,
              'chr() arg not in range(0x110000)',
              undefined,
            );
          chunks.push(String.fromCodePoint(code));
          this.forward(codeLength);
        } else if (isIn(ch, BREAKS)) {
          this.scanLineBreak();
          chunks.push(...this.scanFlowScalarBreaks(double, start));
        } else {
          throw new PyYamlError(
            'scanner',
            'while scanning a double-quoted scalar',
            start,
            `found unknown escape character ${pythonRepr(ch)}`,
            this.getMark(),
          );
        }
      } else {
        return chunks;
      }
    }
  }

  private scanFlowScalarSpaces(double: boolean, start: Mark): string[] {
    const chunks: string[] = [];
    let length = 0;
    while (isIn(this.peek(length), ' \t')) length++;
    const whitespaces = this.prefix(length);
    this.forward(length);
    const ch = this.peek();
    if (ch === '\0') {
      throw new PyYamlError(
        'scanner',
        'while scanning a quoted scalar',
        start,
        'found unexpected end of stream',
        this.getMark(),
      );
    }
    if (isIn(ch, BREAKS)) {
      const lineBreak = this.scanLineBreak();
      const breaks = this.scanFlowScalarBreaks(double, start);
      if (lineBreak !== '\n') chunks.push(lineBreak);
      else if (breaks.length === 0) chunks.push(' ');
      chunks.push(...breaks);
    } else {
      chunks.push(whitespaces);
    }
    return chunks;
  }

  private scanFlowScalarBreaks(_double: boolean, start: Mark): string[] {
    const chunks: string[] = [];
    for (;;) {
      const prefix = this.prefix(3);
      if ((prefix === '---' || prefix === '...') && isIn(this.peek(3), BLANK_OR_END))
        throw new PyYamlError(
          'scanner',
          'while scanning a quoted scalar',
          start,
          'found unexpected document separator',
          this.getMark(),
        );
      while (isIn(this.peek(), ' \t')) this.forward();
      if (isIn(this.peek(), BREAKS)) chunks.push(this.scanLineBreak());
      else return chunks;
    }
  }

  private scanPlain(): Token {
    const chunks: string[] = [];
    const start = this.getMark();
    let end = start;
    const indent = this.indent + 1;
    let spaces: string[] | undefined = [];
    const endsAfterColon = this.flowLevel ? `${BLANK_OR_END},[]{}` : BLANK_OR_END;
    for (;;) {
      let length = 0;
      if (this.peek() === '#') break;
      for (;;) {
        const ch = this.peek(length);
        if (
          isIn(ch, BLANK_OR_END) ||
          (ch === ':' && isIn(this.peek(length + 1), endsAfterColon)) ||
          (this.flowLevel && isIn(ch, ',?[]{}'))
        )
          break;
        length++;
      }
      if (length === 0) break;
      this.allowSimpleKey = false;
      chunks.push(...(spaces as string[]));
      chunks.push(this.prefix(length));
      this.forward(length);
      end = this.getMark();
      spaces = this.scanPlainSpaces();
      if (
        spaces === undefined ||
        spaces.length === 0 ||
        this.peek() === '#' ||
        (!this.flowLevel && this.column < indent)
      )
        break;
    }
    return { kind: 'scalar', start, end, value: chunks.join(''), plain: true };
  }

  /** undefined where PyYAML returns None (a document marker after a line break). */
  private scanPlainSpaces(): string[] | undefined {
    const chunks: string[] = [];
    let length = 0;
    while (this.peek(length) === ' ') length++;
    const whitespaces = this.prefix(length);
    this.forward(length);
    const ch = this.peek();
    const atDocumentMarker = () => {
      const prefix = this.prefix(3);
      return (prefix === '---' || prefix === '...') && isIn(this.peek(3), BLANK_OR_END);
    };
    if (isIn(ch, BREAKS)) {
      const lineBreak = this.scanLineBreak();
      this.allowSimpleKey = true;
      if (atDocumentMarker()) return undefined;
      const breaks: string[] = [];
      while (isIn(this.peek(), ` ${BREAKS}`)) {
        if (this.peek() === ' ') {
          this.forward();
        } else {
          breaks.push(this.scanLineBreak());
          if (atDocumentMarker()) return undefined;
        }
      }
      if (lineBreak !== '\n') chunks.push(lineBreak);
      else if (breaks.length === 0) chunks.push(' ');
      chunks.push(...breaks);
    } else if (whitespaces) {
      chunks.push(whitespaces);
    }
    return chunks;
  }

  private scanTagHandle(name: string, start: Mark): string {
    let ch = this.peek();
    if (ch !== '!')
      throw new PyYamlError(
        'scanner',
        `while scanning a ${name}`,
        start,
        `expected '!', but found ${pythonRepr(ch)}`,
        this.getMark(),
      );
    let length = 1;
    ch = this.peek(length);
    if (ch !== ' ') {
      while (ALPHANUMERIC.test(ch)) {
        length++;
        ch = this.peek(length);
      }
      if (ch !== '!') {
        this.forward(length);
        throw new PyYamlError(
          'scanner',
          `while scanning a ${name}`,
          start,
          `expected '!', but found ${pythonRepr(ch)}`,
          this.getMark(),
        );
      }
      length++;
    }
    const value = this.prefix(length);
    this.forward(length);
    return value;
  }

  private scanTagUri(name: string, start: Mark): string {
    const chunks: string[] = [];
    let length = 0;
    let ch = this.peek(length);
    while (URI_CHAR.test(ch)) {
      if (ch === '%') {
        chunks.push(this.prefix(length));
        this.forward(length);
        length = 0;
        chunks.push(this.scanUriEscapes(name, start));
      } else {
        length++;
      }
      ch = this.peek(length);
    }
    if (length) {
      chunks.push(this.prefix(length));
      this.forward(length);
    }
    if (chunks.length === 0)
      throw new PyYamlError(
        'scanner',
        `while parsing a ${name}`,
        start,
        `expected URI, but found ${pythonRepr(ch)}`,
        this.getMark(),
      );
    return chunks.join('');
  }

  private scanUriEscapes(name: string, start: Mark): string {
    const codes: number[] = [];
    const mark = this.getMark();
    while (this.peek() === '%') {
      this.forward();
      for (let k = 0; k < 2; k++)
        if (!isIn(this.peek(k), HEX) || this.peek(k) === '\0')
          throw new PyYamlError(
            'scanner',
            `while scanning a ${name}`,
            start,
            `expected URI escape sequence of 2 hexadecimal numbers, but found ${pythonRepr(this.peek(k))}`,
            this.getMark(),
          );
      codes.push(Number.parseInt(this.prefix(2), 16));
      this.forward(2);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(codes));
    } catch {
      throw new PyYamlError(
        'scanner',
        `while scanning a ${name}`,
        start,
        "'utf-8' codec can't decode bytes",
        mark,
      );
    }
  }

  private scanLineBreak(): string {
    const ch = this.peek();
    if (isIn(ch, '\r\n\x85') && ch !== '\0') {
      if (this.prefix(2) === '\r\n') this.forward(2);
      else this.forward();
      return '\n';
    }
    if (ch === '\u2028' || ch === '\u2029') {
      this.forward();
      return ch;
    }
    return '';
  }
}

/** The line and column PyYAML's reader would be at before the character at `position` (code points). */
function markAtPosition(text: string, position: number): Mark {
  let line = 0;
  let column = 0;
  const chars = Array.from(text);
  for (let index = 0; index < position; index++) {
    const ch = chars[index] as string;
    if (isIn(ch, '\n\x85\u2028\u2029') || (ch === '\r' && chars[index + 1] !== '\n')) {
      line++;
      column = 0;
    } else if (ch !== '\uFEFF') {
      column++;
    }
  }
  return { index: position, line, column };
}
