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
  /** Every line outside the fences (the markdown the hub renders). */
  body: SourceLine[];
}

/**
 * Splits an asset file the way the hub's validator does: every line that starts with `---` toggles
 * between markdown and front matter, so a title line may come before the first fence.
 */
export function splitFrontMatter(text: string): SplitFile {
  const fenceLines: number[] = [];
  const frontMatter: SourceLine[] = [];
  const body: SourceLine[] = [];
  let inFrontMatter = false;
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const textOfLine = text.slice(start, end);
    start = next;
    line++;
    if (textOfLine.startsWith('---')) {
      fenceLines.push(line);
      inFrontMatter = !inFrontMatter;
    } else if (!inFrontMatter) {
      body.push({ line, text: textOfLine });
    } else if (fenceLines.length === 1) {
      frontMatter.push({ line, text: textOfLine });
    }
  }
  return { fenceLines, frontMatter, body };
}
