/**
 * The mistakes first-time contributors make in an asset file, each as a change of a real file that
 * the hub accepts: for the differential test against the hub's own validator. A slip that needs a
 * line the file does not have gives undefined, and the next file is tried.
 */
export interface Slip {
  kind: string;
  text: string;
  /** The file name to use instead (`x_gcn.md`). */
  name?: string;
  /** The one line the slip changed, when it changed one (1-based, in the changed file). */
  line?: number;
}

type Random = () => number;
type Maker = (text: string, random: Random) => Omit<Slip, 'kind'> | undefined;

interface FrontMatterLine {
  index: number;
  key: string;
  value: string;
  indent: string;
}

/** The top-level (or, with `nested`, asset entry) `key: value` lines of the front matter. */
function keyLines(lines: readonly string[], nested = false): FrontMatterLine[] {
  const fences = lines.flatMap((line, index) => (line.startsWith('---') ? [index] : []));
  const [open, close] = fences;
  if (open === undefined || close === undefined) return [];
  const found: FrontMatterLine[] = [];
  for (let index = open + 1; index < close; index++) {
    const match = /^( *(?:- +)?)([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/.exec(lines[index] as string);
    if (!match) continue;
    const indent = match[1] as string;
    if (nested !== indent.length > 0) continue;
    found.push({ index, indent, key: match[2] as string, value: (match[3] ?? '').replace(/\r$/, '') });
  }
  return found;
}

function pick<T>(items: readonly T[], random: Random): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

/** Changes one `key: value` line (top level, or inside an asset entry with `nested`). */
function onKeyLine(
  change: (line: FrontMatterLine) => string | undefined,
  options: { nested?: boolean; keys?: readonly string[] } = {},
): Maker {
  return (text, random) => {
    const lines = text.split('\n');
    const candidates = keyLines(lines, options.nested).filter(
      (line) => (!options.keys || options.keys.includes(line.key)) && line.value.trim() !== '',
    );
    const line = pick(candidates, random);
    if (!line) return undefined;
    const changed = change(line);
    if (changed === undefined) return undefined;
    const cr = (lines[line.index] as string).endsWith('\r') ? '\r' : '';
    lines[line.index] = `${changed}${cr}`;
    return { text: lines.join('\n'), line: line.index + 1 };
  };
}

/** Adds a line after the front matter's last line, or (with `markdown`) after the second fence. */
function addLine(line: string, where: 'front-matter' | 'markdown'): Maker {
  return (text) => {
    const lines = text.split('\n');
    const fences = lines.flatMap((entry, index) => (entry.startsWith('---') ? [index] : []));
    const close = fences[1];
    if (close === undefined) return undefined;
    const at = where === 'front-matter' ? close : close + 1;
    const parts = line.split('\n');
    lines.splice(at, 0, ...parts);
    return { text: lines.join('\n'), line: at + 1 + parts.findIndex((part) => part !== '') };
  };
}

const SLIPS: Record<string, Maker> = {
  'tab after the colon': onKeyLine((line) => `${line.indent}${line.key}:\t${line.value}`),
  'tab before the colon': onKeyLine((line) => `${line.indent}${line.key}\t: ${line.value}`),
  'tab after the value': onKeyLine((line) => `${line.indent}${line.key}: ${line.value}\t`),
  'tab inside a value': onKeyLine(
    (line) =>
      line.value.includes(' ') ? `${line.indent}${line.key}: ${line.value.replace(' ', '\t')}` : undefined,
    { keys: ['summary', 'author', 'license', 'backbone-name'] },
  ),
  'tab as indentation in an asset entry': onKeyLine(
    (line) => (line.indent.startsWith('-') ? undefined : `\t${line.key}: ${line.value}`),
    { nested: true },
  ),
  'full-width colon': onKeyLine((line) => `${line.indent}${line.key}\uff1a${line.value}`),
  'full-width space after the colon': onKeyLine((line) => `${line.indent}${line.key}:\u3000${line.value}`),
  'ideographic space after a value': onKeyLine((line) => `${line.indent}${line.key}: ${line.value}\u3000`, {
    keys: ['author', 'license', 'summary', 'backbone-name', 'user-id'],
  }),
  'no-break space after the colon': onKeyLine((line) => `${line.indent}${line.key}:\u00a0${line.value}`),
  'no space after the colon': onKeyLine((line) =>
    /^[<"'\d[{]/.test(line.value) ? undefined : `${line.indent}${line.key}:${line.value}`,
  ),
  'byte-order mark at the start': (text) => ({ text: `\ufeff${text}` }),
  'byte-order mark inside a line': onKeyLine((line) => `\ufeff${line.indent}${line.key}: ${line.value}`),
  'empty used-for': onKeyLine((line) => `${line.key}:`, { keys: ['used-for'] }),
  'empty module-type': onKeyLine((line) => `${line.key}:`, { keys: ['module-type'] }),
  'empty file-format': onKeyLine((line) => `${line.indent}${line.key}:`, {
    nested: true,
    keys: ['file-format'],
  }),
  'key typo with an underscore': onKeyLine((line) =>
    line.key.includes('-') ? `${line.indent}${line.key.replace('-', '_')}: ${line.value}` : undefined,
  ),
  'a third fence in the markdown': addLine('---', 'markdown'),
  'lone CR line ends': (text) => (text.includes('\r') ? undefined : { text: text.replaceAll('\n', '\r') }),
  'CRLF line ends': (text) => (text.includes('\r') ? undefined : { text: text.replaceAll('\n', '\r\n') }),
  'fine-tunable written yes': onKeyLine((line) => `${line.key}: yes`, { keys: ['fine-tunable'] }),
  'fine-tunable quoted': onKeyLine((line) => `${line.key}: "True"`, { keys: ['fine-tunable'] }),
  'update-time with colons': onKeyLine((line) => `${line.key}: 2024:01:01`, { keys: ['update-time'] }),
  'update-time that is no date': onKeyLine((line) => `${line.key}: 2023-02-30`, { keys: ['update-time'] }),
  'repo-link with spaces inside <>': onKeyLine(
    (line) => `${line.key}: < ${line.value.replace(/^<|>$/g, '')} >`,
    { keys: ['repo-link'] },
  ),
  'heading ending in a colon': addLine('\n## Usage:\n', 'markdown'),
  'heading without a space ending in a colon': addLine('\n#Usage:\n', 'markdown'),
  'setext heading ending in a colon': addLine('\nUsage:\n======\n', 'markdown'),
  'a colon in a value': onKeyLine((line) => `${line.key}: ${line.value.replace(/^<|>$/g, '')}: more`, {
    keys: ['summary', 'author', 'license', 'backbone-name'],
  }),
  'an unclosed quote': onKeyLine((line) => `${line.key}: "${line.value}`, {
    keys: ['author', 'summary', 'license'],
  }),
  'curly quotes': onKeyLine((line) => `${line.key}: \u201c${line.value}\u201d`, {
    keys: ['author', 'summary', 'license'],
  }),
  'a top-level key indented': onKeyLine((line) => ` ${line.key}: ${line.value}`),
  'accuracy as a percentage': addLine('accuracy: 76.5%', 'front-matter'),
  'accuracy written yes': addLine('accuracy: yes', 'front-matter'),
  'module-type in capitals': onKeyLine((line) => `${line.key}: ${line.value.toUpperCase()}`, {
    keys: ['module-type'],
  }),
  'legacy evaluation dash': addLine('evaluation: -', 'front-matter'),
  'a dash inside evaluation text': addLine('evaluation: - top1 acc', 'front-matter'),
  'used-for not in the list': onKeyLine((line) => `${line.key}: training`, { keys: ['used-for'] }),
  'a featured image the hub does not have': addLine('featured-image: model.png', 'front-matter'),
  'an asset digest removed': (text) => {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => /^\s+asset-sha256:/.test(line));
    if (at === -1) return undefined;
    lines.splice(at, 1);
    return { text: lines.join('\n') };
  },
  'model-name removed': (text) => {
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('model-name:'));
    if (at === -1) return undefined;
    lines.splice(at, 1);
    return { text: lines.join('\n') };
  },
  'a key written twice': (text) => {
    const lines = text.split('\n');
    const line = keyLines(lines).find((entry) => entry.key === 'license');
    if (!line) return undefined;
    lines.splice(line.index + 1, 0, 'license: Apache-2.0');
    return { text: lines.join('\n'), line: line.index + 2 };
  },
  'a template marker left': onKeyLine((line) => `${line.key}: ${line.value} <required>`, {
    keys: ['author', 'license', 'summary'],
  }),
  'a name ending in cn': (text) => ({ text, name: 'x_gcn.md' }),
  'a list line without its dash': onKeyLine(
    (line) => (line.indent.includes('-') ? `    ${line.key}: ${line.value}` : undefined),
    {
      nested: true,
    },
  ),
};

export const SLIP_KINDS = Object.keys(SLIPS);

/** One slip of the given kind in the text, or undefined when the text has nowhere to make it. */
export function makeSlip(kind: string, text: string, random: Random): Slip | undefined {
  const made = (SLIPS[kind] as Maker)(text, random);
  return made ? { kind, ...made } : undefined;
}
