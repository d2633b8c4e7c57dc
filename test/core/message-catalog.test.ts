import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOG } from '../../src/core/messages/catalog.js';
import { formatMessage, joinList } from '../../src/core/messages/format-message.js';
import { compilePattern } from '../../src/core/messages/message-pattern.js';
import {
  LANGUAGES,
  type Message,
  type MessageSpec,
  type ParamValue,
} from '../../src/core/messages/message-spec.js';

const entries = Object.entries(CATALOG) as Array<[string, MessageSpec]>;

/** The argument names a pattern uses, at any depth (inside plural and select branches too). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ('value' in element && element.type !== TYPE.literal) into.add(String(element.value));
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** A value per parameter that can be found again in the text. */
function sentinels(spec: MessageSpec): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  for (const [name, kind] of Object.entries(spec.params ?? {})) {
    const probe: Message = { id: 'type.array', params: {} };
    values[name] =
      kind === 'number' || kind === 'line'
        ? 7919
        : kind === 'list' || kind === 'orList'
          ? [`«${name}1»`, `«${name}2»`]
          : kind === 'message'
            ? probe
            : kind === 'messageList'
              ? [probe]
              : `«${name}»`;
  }
  return values;
}

const LETTERS_OUTSIDE_CODE = /[A-Za-z]{2,}/;
const wordsOf = (pattern: string) => pattern.replace(/`[^`]*`/g, '').replace(/\{[^{}]*\}/g, '');

describe('the message catalog', () => {
  it('has every message in English and Chinese', () => {
    for (const [id, spec] of entries)
      for (const language of LANGUAGES)
        assert.ok(spec[language].trim() !== '', `${id} has no ${language} text`);
  });

  it('writes the Chinese text in Chinese, not a copy of the English', () => {
    for (const [id, spec] of entries) {
      if (!LETTERS_OUTSIDE_CODE.test(wordsOf(spec.en))) continue;
      assert.match(spec.zh, /[\u4e00-\u9fff]/, `${id}: the zh text has no Chinese`);
    }
  });

  it('uses exactly the declared parameters in both languages', () => {
    for (const [id, spec] of entries) {
      const declared = new Set(Object.keys(spec.params ?? {}));
      for (const language of LANGUAGES) {
        const used = argumentsOf(parse(spec[language], { ignoreTag: true }));
        assert.deepEqual([...used].sort(), [...declared].sort(), `${id} (${language})`);
      }
    }
  });

  it('shows every parameter it is given (no ICU quote swallows one)', () => {
    for (const [id, spec] of entries) {
      const params = sentinels(spec);
      for (const language of LANGUAGES) {
        const text = formatMessage({ id, params }, language);
        for (const [name, kind] of Object.entries(spec.params ?? {})) {
          if ((kind === 'number' || kind === 'line') && !spec[language].includes(`{${name}, plural`))
            assert.match(text, /7,?919/, `${id} (${language}) lost ${name}`);
          else if (kind === 'text' && !/select/.test(spec[language]))
            assert.ok(text.includes(`«${name}»`), `${id} (${language}) lost ${name}: ${text}`);
          else if (kind === 'list' || kind === 'orList')
            assert.ok(text.includes(`«${name}2»`), `${id} (${language}) lost ${name}: ${text}`);
        }
      }
    }
  });

  it('writes line numbers in plain digits, plurals and lists the way the language does', () => {
    assert.equal(
      formatMessage({ id: 'duplicate-key.fix-top-level', params: { key: 'a' } }, 'en'),
      'Keep one `a:` line: delete the one you do not want, or merge the two values.',
    );
    assert.match(
      formatMessage({ id: 'wrong-character.tab', params: { line: 12345 } }, 'en'),
      /^Line 12345 has/,
    );
    assert.match(
      formatMessage({ id: 'wrong-character.fix-indent', params: { line: 3, spaces: 1 } }, 'en'),
      /with 1 plain space,/,
    );
    assert.match(
      formatMessage(
        {
          id: 'slash-list.unknown',
          params: { values: ['`x`'], field: 'used-for', allowed: ['a', 'b', 'c'] },
        },
        'zh',
      ),
      /a、b 或 c/,
    );
  });

  it('chooses a Chinese form by =1, as Chinese has no plural category "one"', () => {
    for (const [id, spec] of entries) assert.doesNotMatch(spec.zh, /plural,[^{]*\bone \{/, id);
    assert.doesNotMatch(
      formatMessage({ id: 'train-dataset.unknown', params: { count: 1, unknown: ['`x`'] } }, 'zh'),
      /共/,
    );
  });

  it('chooses wording by a yes/no switch, so a value from the pull request (a branch named none) cannot', () => {
    const where = (ref: string) =>
      formatMessage(
        { id: 'source-repo.where', params: { repo: 'o/r', hasRef: 'yes', ref, hasFolder: 'no', folder: '' } },
        'en',
      );
    assert.equal(where('none'), '`o/r` at `none`');
    assert.equal(where('other'), '`o/r` at `other`');
  });

  it('holds only messages the code uses', () => {
    const source = sourceText(join(import.meta.dirname, '../../src'));
    const prefixes = [...source.matchAll(/`([a-z0-9-]+\.[a-z0-9-]*)\$\{/g)].map((match) => match[1] ?? '');
    const unused = entries
      .map(([id]) => id)
      .filter((id) => !source.includes(`'${id}'`) && !prefixes.some((prefix) => id.startsWith(prefix)));
    assert.deepEqual(unused, []);
  });

  it('writes every message as intl-messageformat does, for every plural and select branch', () => {
    const LOCALES = { en: 'en', zh: 'zh-CN' } as const;
    for (const [id, spec] of entries) {
      for (const language of LANGUAGES) {
        const reference = new IntlMessageFormat(spec[language], LOCALES[language], undefined, {
          ignoreTag: true,
        });
        const ours = compilePattern(spec[language], language);
        const names = Object.entries(spec.params ?? {});
        const selects = [...spec[language].matchAll(/\{\s*(\w+)\s*,\s*select\s*,([^{}]*\{[^{}]*\})+/g)];
        // Counts around each plural form (0, 1, 2, 21, 1000 and 12345 have grouping), each select's keys.
        for (const count of [0, 1, 2, 5, 21, 1000, 12345]) {
          for (const choice of ['yes', 'no', 'other', 'none', 'github', 'gitee']) {
            const values: Record<string, string | number> = {};
            for (const [name, kind] of names)
              values[name] =
                kind === 'number' || kind === 'line'
                  ? count
                  : selects.some((m) => m[1] === name)
                    ? choice
                    : `«${name}»`;
            assert.equal(
              ours(values),
              String(reference.format(values)),
              `${id} (${language}) ${JSON.stringify(values)}`,
            );
          }
        }
      }
    }
  });

  it('refuses a pattern outside the subset the formatter reads, naming the problem', () => {
    assert.throws(() => compilePattern('{count, number}', 'en'), {
      code: 'MESSAGE_PATTERN',
      message: /"number"/,
    });
    assert.throws(() => compilePattern('{count, plural, one {a}}', 'en'), /no "other" option/);
    assert.throws(() => compilePattern('a } b', 'en'), /unmatched \}/);
    assert.throws(() => compilePattern('{count, plural, other {a}', 'en'), /not closed/);
    assert.equal(compilePattern("it''s '{literal}' {x}", 'en')({ x: 1 }), "it's {literal} 1");
  });

  it('writes Chinese in one typography: a space between Chinese and Latin letters, digits or code, full-width punctuation, none after ：', () => {
    const badly: string[] = [];
    for (const [id, spec] of entries)
      for (const count of [1, 2]) {
        // Every parameter as what it holds at its plainest: a code span, a number, a list of code, Chinese.
        const params: Record<string, ParamValue> = {};
        for (const [name, kind] of Object.entries(spec.params ?? {}))
          params[name] =
            kind === 'number' || kind === 'line'
              ? count
              : kind === 'list' || kind === 'orList'
                ? ['`a`', '`b`', '`c`']
                : kind === 'message'
                  ? { id: 'help.help', params: {} }
                  : kind === 'messageList'
                    ? [{ id: 'help.help', params: {} }]
                    : '`x`';
        const text = formatMessage({ id, params } as Message, 'zh').replace(/`[^`\n]*`/g, '\u0001');
        const slip =
          /[\u3400-\u9fff][A-Za-z0-9\u0001]|[A-Za-z0-9\u0001][\u3400-\u9fff]|：[ ]|[\u3400-\u9fff][,;:?!(]|[,;:?!)][\u3400-\u9fff]/.exec(
            text,
          );
        if (slip)
          badly.push(
            `${id}: ${JSON.stringify(slip[0].replaceAll('\u0001', '`x`'))} in ${text.replaceAll('\u0001', '`x`').slice(0, 80)}`,
          );
      }
    assert.deepEqual(badly, []);
  });

  it('joins lists as Intl.ListFormat does in English and Chinese (with a space around 和 and 或)', () => {
    const items = ['`ascend`', 'b', '第三', 'd e', 'f'];
    for (const [language, locale] of [
      ['en', 'en'],
      ['zh', 'zh-CN'],
    ] as const)
      for (const [kind, type] of [
        ['list', 'conjunction'],
        ['orList', 'disjunction'],
      ] as const)
        for (let count = 0; count <= items.length; count++)
          assert.equal(
            joinList(items.slice(0, count), kind, language),
            new Intl.ListFormat(locale, { type })
              .format(items.slice(0, count))
              // The catalog's typography: a space between 和 or 或 and what is not Chinese.
              .replace(/(?<=[^\u3400-\u9fff])([和或])/g, ' $1')
              .replace(/([和或])(?=[^\u3400-\u9fff])/g, '$1 '),
            `${language} ${kind} of ${count}`,
          );
  });
});

function sourceText(folder: string): string {
  let text = '';
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) text += sourceText(path);
    else if (name.endsWith('.ts') && !path.includes('/messages/catalog/')) text += readFileSync(path, 'utf8');
  }
  return text;
}
