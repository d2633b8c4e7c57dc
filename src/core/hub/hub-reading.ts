/**
 * An asset file as `check.py` reads it: `open(path, 'r')` (UTF-8, a byte order mark kept as a
 * character, universal newlines: `\r\n` and a lone `\r` both end a line), then line by line: every
 * line that starts with `---` toggles between markdown and front matter and is dropped, and every
 * line that holds `evaluation: -` has each of its `-` turned into `no`.
 */
export interface HubReading {
  /** Lines that start with `---`, by their number in the file as mshub-review counts them (`\n`). */
  fenceLines: number[];
  /** The front matter lines, each with its `\n`, as PyYAML is given them. */
  header: HubLine[];
  /** The rest, as mistune is given it. */
  markdown: HubLine[];
}

export interface HubLine {
  /** The line with its `\n` (the last line of the file may have none). */
  text: string;
  /** Its number in the file, lines counted at `\n` as everywhere else in mshub-review. */
  line: number;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file as check.py reads it, or undefined where Python cannot decode it (a UnicodeDecodeError). */
export function readAsHub(bytes: Uint8Array): HubReading | undefined {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return undefined;
  }
  const reading: HubReading = { fenceLines: [], header: [], markdown: [] };
  let inHeader = false;
  let fileLine = 1;
  let start = 0;
  while (start < text.length) {
    // Universal newlines: a line ends at `\n`, `\r\n` or a lone `\r`, and Python hands it on with `\n`.
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    let next = end;
    let lineBreak = '';
    if (end < text.length) {
      lineBreak = '\n';
      next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
    }
    let line = text.slice(start, end) + lineBreak;
    const lineNumber = fileLine;
    if (text[next - 1] === '\n') fileLine++;
    start = next;
    if (line.startsWith('---')) {
      inHeader = !inHeader;
      reading.fenceLines.push(lineNumber);
      continue;
    }
    if (line.includes('evaluation: -')) line = line.replaceAll('-', 'no');
    (inHeader ? reading.header : reading.markdown).push({ text: line, line: lineNumber });
  }
  return reading;
}

/**
 * The path check.py checks for a file: a name whose last two letters before `.md` are `cn` is taken
 * for a Chinese page, and the English page (the name without its last six characters) is checked
 * instead: `x_cn.md` → `x.md`, but also `x_gcn.md` → `x_.md`.
 */
export function hubCheckedPath(path: string): string {
  return path.slice(-5, -3) === 'cn' ? `${path.slice(0, -6)}.md` : path;
}

/**
 * The markdown of a file (every line outside the front matter, fences toggling) as lines with their
 * numbers in the file: the lines up to the first fence, then those after each second fence.
 */
export function markdownLinesOf(markdown: string, fenceLines: readonly number[]): HubLine[] {
  const lines: HubLine[] = [];
  let line = 1;
  let fence = 0;
  for (const text of markdown.split(/(?<=\n)/)) {
    // Skip each front matter region: from a fence to the fence that closes it.
    while (fenceLines[fence] !== undefined && line >= (fenceLines[fence] as number)) {
      line = (fenceLines[fence + 1] ?? Number.POSITIVE_INFINITY) + 1;
      fence += 2;
    }
    lines.push({ line, text });
    line++;
  }
  return lines;
}
