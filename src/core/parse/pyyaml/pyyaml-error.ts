/** A position in the text, as PyYAML counts it: 0-based, in code points, a BOM taking no column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

export type PyYamlStage = 'reader' | 'scanner' | 'parser' | 'composer' | 'constructor';

/**
 * What PyYAML raises, with the same parts (`context`, `problem` and their marks), so a caller can
 * say where the hub's reader stopped and why. A reader error has no line: PyYAML names only the
 * position of the character, which `problemMark` holds here with its line and column worked out.
 */
export class PyYamlError extends Error {
  readonly stage: PyYamlStage;
  readonly context: string | undefined;
  readonly contextMark: Mark | undefined;
  readonly problem: string;
  readonly problemMark: Mark | undefined;
  /**
   * Set when Python would raise an error of its own rather than a YAMLError (`ValueError` from
   * `datetime.date(2024, 13, 1)`, `KeyError` from `!!bool maybe`): the hub fails the file all the same.
   */
  readonly pythonException: string | undefined;

  constructor(
    stage: PyYamlStage,
    context: string | undefined,
    contextMark: Mark | undefined,
    problem: string,
    problemMark: Mark | undefined,
    pythonException?: string,
  ) {
    super(problem);
    this.name = 'PyYamlError';
    this.stage = stage;
    this.context = context;
    this.contextMark = contextMark;
    this.problem = problem;
    this.problemMark = problemMark;
    this.pythonException = pythonException;
  }

  /** Where PyYAML points: the problem's mark, else the context's. */
  get mark(): Mark | undefined {
    return this.problemMark ?? this.contextMark;
  }
}

/** Python's `repr()` of a string, as PyYAML's messages print a character with `%r`. */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) out += `\\x${hex(code, 2)}`;
    else if (code > 0x7f && NOT_PRINTABLE.test(char))
      out +=
        code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    else out += char;
  }
  return out + quote;
}

/** Python's str.isprintable() is false for these (a space apart). */
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
