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
 * matter is cut into lines; after it, the markdown is searched for further fences without being cut.
 */
export function splitFrontMatter(text: string): SplitFile {
  const fenceLines: number[] = [];
  const fenceStarts: number[] = [];
  const frontMatter: SourceLine[] = [];
  let line = 0;
  let start = 0;
  let frontMatterStart = text.length;
  while (start < text.length && fenceLines.length < 2) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN) end--;
    line++;
    if (text.startsWith('---', start)) {
      fenceLines.push(line);
      fenceStarts.push(start);
      if (fenceLines.length === 1) frontMatterStart = Math.min(next, text.length);
    } else if (fenceLines.length === 1) frontMatter.push({ line, text: text.slice(start, end) });
    start = next;
  }
  const frontMatterText = text.slice(frontMatterStart, fenceStarts[1] ?? text.length);
  // `start` begins line `line + 1` here (or is the end of the text).
  let cursor = start;
  let cursorLine = line + 1;
  for (
    let found = text.indexOf('\n---', cursor - 1);
    found !== -1;
    found = text.indexOf('\n---', found + 1)
  ) {
    cursorLine += countNewlines(text, cursor, found + 1);
    cursor = found + 1;
    fenceLines.push(cursorLine);
    fenceStarts.push(cursor);
  }
  return { fenceLines, fenceStarts, frontMatter, frontMatterText };
}

const CARRIAGE_RETURN = 13;

/** How many `\n` lie in `text[from, to)`. */
export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The 1-based line number of each offset, for offsets asked in increasing order: linear in all. */
export function lineNumberCursor(text: string): (offset: number) => number {
  let counted = 0;
  let line = 1;
  return (offset) => {
    line += countNewlines(text, counted, offset);
    counted = offset;
    return line;
  };
}

/**
 * Tells, for line starts asked in increasing order, whether each line is markdown (outside every
 * fenced front-matter region). One pass over the fences in all, so a file of `---` lines stays linear.
 */
export function markdownLineCursor(fenceStarts: readonly number[]): (lineStart: number) => boolean {
  let next = 0;
  return (lineStart) => {
    while (next < fenceStarts.length && (fenceStarts[next] ?? 0) < lineStart) next++;
    if (fenceStarts[next] === lineStart) return false;
    return next % 2 === 0;
  };
}
