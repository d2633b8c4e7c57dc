const MAX_QUOTED_LENGTH = 120;

/**
 * Quotes a value taken from a pull request for use inside a finding message, as a code span.
 * The value loses backticks, control characters and line breaks, and is cut to a readable length,
 * so that no renderer can be made to leave the code span.
 */
export function q(value: unknown): string {
  let text = typeof value === 'string' ? value : displayValue(value);
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029`]/g, (char) => (char === '`' ? "'" : ' '));
  if (text.length > MAX_QUOTED_LENGTH) text = `${text.slice(0, MAX_QUOTED_LENGTH - 1)}…`;
  if (text.trim() === '') text = text === '' ? '(empty)' : '(blank)';
  return `\`${text}\``;
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
