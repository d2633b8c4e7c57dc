import { msg } from '../messages/format-message.js';
import type { Message } from '../messages/message-spec.js';
import { inCode } from '../text/quote.js';
import type { SourceLine } from './split-front-matter.js';

export interface YamlErrorExplanation {
  line: number;
  column?: number;
  /** What is wrong, in words for someone who has never written YAML. */
  message: Message;
  fix: Message;
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
  /** PyYAML's context (`while scanning a quoted scalar`), when it gave one. */
  context?: string,
): YamlErrorExplanation {
  const lineText = (line: number) => lines.find((source) => source.line === line)?.text ?? '';
  const before = lines.filter((source) => source.line <= at.line);

  if (reason.startsWith("found character '\\t'")) {
    return {
      line: at.line,
      ...(at.column === undefined ? {} : { column: at.column }),
      message: msg('front-matter-yaml.tab', { line: at.line }),
      fix: msg('front-matter-yaml.fix-tab'),
    };
  }

  const flow = /^while parsing a flow (sequence|mapping)$/.exec(context ?? '');
  if (flow && /<stream end>/.test(reason)) {
    const bracket = flow[1] === 'sequence' ? '[' : '{';
    return {
      line: at.line,
      ...(at.column === undefined ? {} : { column: at.column }),
      message: msg('front-matter-yaml.unclosed-bracket', { bracket, line: at.line }),
      fix: msg('front-matter-yaml.fix-unclosed-bracket', {
        close: bracket === '[' ? ']' : '}',
        line: at.line,
      }),
    };
  }

  if (context === 'while scanning a quoted scalar') {
    const opening = lineText(at.line).slice((at.column ?? 1) - 1, at.column ?? 1);
    const quote = opening === "'" ? "'" : '"';
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
        message: msg('front-matter-yaml.unclosed-quote', { quote, line: opened.line }),
        fix: msg('front-matter-yaml.fix-unclosed-quote', { quote, line: opened.line }),
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
      message: msg('front-matter-yaml.not-key-value', { line: stray.line }),
      fix: words
        ? msg('front-matter-yaml.fix-key-value', { key: inCode(words[1]), value: inCode(words[2]) })
        : msg('front-matter-yaml.fix-not-key-value'),
    };
  }

  if (reason.startsWith('expected <block end>') || reason.startsWith("expected '<document start>'")) {
    const indentOf = (text: string) => (text.match(/^[ \t]*/)?.[0] ?? '').length;
    const content = lines.filter((source) => isContent(source.text));
    const at_ = content.findIndex((source) => source.line === at.line);
    const previous = content[at_ - 1];
    const next = content[at_ + 1];
    // PyYAML stops at the line after one indented too deep: when the lines around agree with each
    // other and not with the line before, that line is the one out of step.
    const culprit =
      previous &&
      next &&
      indentOf(next.text) === indentOf(lineText(at.line)) &&
      indentOf(previous.text) > indentOf(lineText(at.line))
        ? previous.line
        : at.line;
    return {
      line: culprit,
      ...(culprit !== at.line || at.column === undefined ? {} : { column: at.column }),
      message: msg('front-matter-yaml.bad-indentation', {
        line: culprit,
        spaces: indentOf(lineText(culprit)),
      }),
      fix: msg('front-matter-yaml.fix-indentation', { line: culprit }),
    };
  }

  return {
    line: at.line,
    ...(at.column === undefined ? {} : { column: at.column }),
    message: msg('front-matter-yaml.other', { line: at.line, reason }),
    fix: msg('front-matter-yaml.fix-other'),
  };
}
