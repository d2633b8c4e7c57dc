/**
 * A flat copy of a string that does not keep alive the text it was cut or built from. V8 makes a
 * slice of a long string point into it, and a concatenation point to its parts, so values and
 * messages kept for a whole hub would otherwise hold every file's text in memory until the end.
 */
export function detached(value: string): string {
  return ` ${value}`.slice(1);
}
