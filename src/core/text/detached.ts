/**
 * A flat copy of a string that does not keep alive the text it was cut or built from. V8 makes a
 * slice of a long string point into it, and a concatenation point to its parts, so values and
 * messages kept for a whole hub would otherwise hold every file's text in memory until the end.
 */
export function detached(value: string): string {
  // V8 copies a slice or a concatenation shorter than 13 characters: such a string is flat already.
  return value.length < FLAT_BELOW ? value : ` ${value}`.slice(1);
}

/** V8's shortest sliced and concatenated strings (SlicedString::kMinLength, ConsString::kMinLength). */
const FLAT_BELOW = 13;
