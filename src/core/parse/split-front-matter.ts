export interface SourceLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

export interface SplitFile {
  /** 1-based numbers of every line that starts with `---`. */
  fenceLines: number[];
  /** Where each of those lines starts in the text. */
  fenceStarts: number[];
  /** The lines between the first two fences. */
  frontMatter: SourceLine[];
  /**
   * The same lines as one text, as written (line breaks and `\r` kept): one search of it tells
   * whether any line holds a character worth a closer look, instead of a search per line.
   */
  frontMatterText: string;
}

/**
 * Splits an asset file the way the hub's validator does: every line that starts with `---` toggles
 * between markdown and front matter, so a title line may come before the first fence. Only the front
 * matter is cut into lines.
 *
 * `decode` gives the file's text between two offsets of `text`, when `text` is the file read one
 * character a byte (see ByteText): fences are found in it, and the front matter is decoded alone.
 */
export function splitFrontMatter(text: string, decode?: (start: number, end: number) => string): SplitFile {
  const fenceLines: number[] = [];
  const fenceStarts: number[] = [];
  if (text.startsWith('---')) {
    fenceLines.push(1);
    fenceStarts.push(0);
  }
  let line = 1;
  let counted = 0;
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1)) {
    const start = at + 1;
    line += countNewlines(text, counted, start);
    counted = start;
    fenceLines.push(line);
    fenceStarts.push(start);
  }

  const frontMatter: SourceLine[] = [];
  const firstFence = fenceStarts[0];
  if (firstFence === undefined) return { fenceLines, fenceStarts, frontMatter, frontMatterText: '' };
  const afterFence = text.indexOf('\n', firstFence);
  const from = afterFence === -1 ? text.length : afterFence + 1;
  const to = fenceStarts[1] ?? text.length;
  // Both ends are line starts (or the end), so the front matter decodes on its own.
  const frontMatterText = decode ? decode(from, to) : text.slice(from, to);
  let lineNumber = (fenceLines[0] as number) + 1;
  for (let start = 0; start < frontMatterText.length; lineNumber++) {
    let end = frontMatterText.indexOf('\n', start);
    if (end === -1) end = frontMatterText.length;
    const next = end + 1;
    if (end > start && frontMatterText.charCodeAt(end - 1) === CARRIAGE_RETURN) end--;
    frontMatter.push({ line: lineNumber, text: frontMatterText.slice(start, end) });
    start = next;
  }
  return { fenceLines, fenceStarts, frontMatter, frontMatterText };
}

const CARRIAGE_RETURN = 13;

/** How many `\n` lie in `text[from, to)`. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
