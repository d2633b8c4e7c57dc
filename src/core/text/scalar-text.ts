/**
 * The text of a YAML scalar as JavaScript reads it (`1.1`, `true`), or undefined for a mapping, a
 * list or an empty value. Never calls a method of the value: a mapping from a pull request may have
 * its own `toString` or `valueOf` key, which `String(value)` or a template literal would call.
 */
export function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
}
