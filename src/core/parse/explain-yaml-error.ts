import type { SourceLine } from './split-front-matter.js';

export interface YamlErrorExplanation {
  line: number;
  column?: number;
  /** What is wrong, in words for someone who has never written YAML. */
  message: string;
  fix: string;
}

const KEY_VALUE = /^[ \t]*(?:-[ \t]+)?[^\s:#][^:]*:(?:[ \t]|$)/;
const WORDS_KEY = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]+(\S.*)$/;

function isContent(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/**
 * The line a YAML error really comes from, and what to do about it. The parser reports where it
 * gave up, which is often a line after the mistake: a top-level line without `key: ` makes it fail
 * at the next key, an unclosed quote at the end of the front matter.
 */
export function explainYamlError(
  reason: string,
  at: { line: number; column?: number },
  lines: readonly SourceLine[],
): YamlErrorExplanation {
  const lineText = (line: number) => lines.find((source) => source.line === line)?.text ?? '';
  const before = lines.filter((source) => source.line <= at.line);

  if (/within a (double|single) quoted scalar/.test(reason)) {
    const quote = reason.includes('double') ? '"' : "'";
    const opened = [...before].reverse().find((source) => {
      const value = source.text.slice(source.text.indexOf(': ') + 2).trim();
      return (
        source.text.includes(': ') &&
        value.startsWith(quote) &&
        (value.length === 1 || !value.endsWith(quote))
      );
    });
    if (opened)
      return {
        line: opened.line,
        message: `The quote \`${quote}\` opened on line ${opened.line} is never closed, so YAML reads the rest of the front matter as part of that value.`,
        fix: `End the value on line ${opened.line} with \`${quote}\`, or remove the opening quote.`,
      };
  }

  // A top-level line that is not `key: value` makes YAML fail at the next key: point at the line itself.
  const stray = before.find(
    (source) =>
      isContent(source.text) &&
      !/^[ \t]/.test(source.text) &&
      !source.text.startsWith('-') &&
      !KEY_VALUE.test(source.text),
  );
  if (stray) {
    const words = WORDS_KEY.exec(stray.text.trim());
    return {
      line: stray.line,
      column: 1,
      message: `Line ${stray.line} is not a \`key: value\` line: YAML needs a colon and a space after the key.`,
      fix: words
        ? `Write \`${words[1]}: ${words[2]}\`.`
        : 'Write the line as `key: value`, or delete it if it is a note (notes belong below the second `---`).',
    };
  }

  if (/bad indentation/.test(reason)) {
    const indent = (lineText(at.line).match(/^[ \t]*/)?.[0] ?? '').length;
    return {
      line: at.line,
      ...(at.column === undefined ? {} : { column: at.column }),
      message: `Line ${at.line} is indented by ${indent} ${indent === 1 ? 'space' : 'spaces'}, which does not line up with the lines around it: top-level keys start at the beginning of the line, and the keys of one asset entry line up under each other.`,
      fix: `Indent line ${at.line} like the key above it.`,
    };
  }

  return {
    line: at.line,
    ...(at.column === undefined ? {} : { column: at.column }),
    message: `YAML cannot read line ${at.line} (${reason}).`,
    fix: 'Write one `key: value` per line, and quote values that contain `: ` or start with `-`, `[`, `{`, `*`, `&` or `!`.',
  };
}
