const MAX_QUOTED_LENGTH = 120;

/**
 * Quotes a value taken from a pull request for use inside a finding message, as a code span.
 * The value loses backticks, control characters and line breaks, and is cut to a readable length,
 * so that no renderer can be made to leave the code span.
 */
export function q(value: unknown): string {
  let text = inCode(value);
  if (text.trim() === '') text = text === '' ? '(empty)' : '(blank)';
  return `\`${text}\``;
}

/**
 * Text from a pull request made safe for a place inside a code span that a rule writes around it
 * (`` `module-type: ${inCode(x)}` ``): no backticks that could close the span, no line breaks, no
 * control or bidirectional-override characters, and no longer than a line.
 */
export function inCode(value: unknown): string {
  let text = typeof value === 'string' ? value : displayValue(value);
  text = stripInvisible(text).replace(/`/g, "'");
  if (text.length > MAX_QUOTED_LENGTH) text = `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…`;
  return text;
}

/**
 * Control characters, line separators and the bidirectional controls that can make a line read
 * differently from what it is (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) become spaces
 * or vanish.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export function stripInvisible(text: string): string {
  // Nearly every message has none: one test instead of two replacements.
  if (!INVISIBLE.test(text)) return text;
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '');
}

/** How a parsed YAML value reads to a contributor (`True`, not `true`, as they wrote it in the file). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value).slice(0, MAX_QUOTED_LENGTH * 2);
  } catch {
    return '(a nested value)';
  }
}
