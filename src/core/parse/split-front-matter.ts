export interface SourceLine {
  /** 1-based line number in the file. */
  line: number;
  text: string;
}

export interface SplitFile {
  /** 1-based numbers of every line that starts with `---`. */
  fenceLines: number[];
  /** The lines between the first two fences. */
  frontMatter: SourceLine[];
}

/**
 * Splits an asset file the way the hub's validator does: every line that starts with `---` toggles
 * between markdown and front matter, so a title line may come before the first fence. Only the front
 * matter is cut into lines; the markdown is read in place by the rules that need it.
 */
export function splitFrontMatter(text: string): SplitFile {
  const fenceLines: number[] = [];
  const frontMatter: SourceLine[] = [];
  forEachLine(text, (line, start, end) => {
    if (text.startsWith('---', start)) fenceLines.push(line);
    else if (fenceLines.length === 1) frontMatter.push({ line, text: text.slice(start, end) });
  });
  return { fenceLines, frontMatter };
}

/** Calls `visit` with each line's number and bounds (without its `\n` or `\r\n`). */
export function forEachLine(text: string, visit: (line: number, start: number, end: number) => void): void {
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    visit(++line, start, end);
    start = next;
  }
}

/**
 * Tells, for line numbers asked in increasing order, whether each is markdown (outside every fenced
 * front-matter region). One pass over the fence lines in all, so a file of `---` lines stays linear.
 */
export function markdownLineCursor(fenceLines: readonly number[]): (line: number) => boolean {
  let next = 0;
  return (line) => {
    while (next < fenceLines.length && (fenceLines[next] ?? 0) < line) next++;
    if (fenceLines[next] === line) return false;
    return next % 2 === 0;
  };
}
