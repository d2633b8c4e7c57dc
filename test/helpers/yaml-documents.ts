import { seededRandom } from './fuzz.js';

/**
 * Seeded YAML documents for the reader's differential test against PyYAML: front matter as hub
 * contributors write it, with the values YAML 1.1 reads differently from 1.2 (yes/on/off, base 60,
 * octal, dates, timestamps), the characters newcomers slip in (tabs, full-width colons and spaces,
 * no-break spaces, CR, U+2028), and the rest of the grammar (quotes and escapes, flow and block
 * collections, block scalars, anchors, aliases, merge keys, tags, directives, comments). A third of
 * the documents get one to three characters inserted, removed or replaced, to reach the errors.
 */
export function generateYamlDocuments(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const documents: string[] = [];
  for (let index = 0; index < count; index++) {
    let text = document(pick, chance, random);
    if (chance(0.25)) text = mutate(text, pick, chance, random);
    documents.push(text);
  }
  return documents;
}

type Pick = <T>(items: readonly T[]) => T;
type Chance = (p: number) => boolean;

const KEYS = [
  'model-name',
  'backbone-name',
  'module-type',
  'fine-tunable',
  'model-version',
  'train-dataset',
  'author',
  'update-time',
  'repo-link',
  'user-id',
  'used-for',
  'train-backend',
  'mindspore-version',
  'license',
  'summary',
  'accuracy',
  'evaluation',
  'featured-image',
  'allow-cache-ckpt',
  'input-shape',
  'yes',
  'on',
  '1',
  '1.10',
  'null',
  '~',
  '<<',
  '=',
  'a b',
  'x',
];

const PLAIN_VALUES = [
  'resnet50',
  'cv-classification',
  'ImageNet2012',
  'inference/transfer-learning',
  'https://gitee.com/mindspore/models/tree/master/official/cv/ResNet',
  '< https://gitee.com/x/y >',
  '<https://gitee.com/x/y>',
  'Apache License 2.0',
  'MindSpore team',
  'a plain sentence, with a comma',
  'top1: 76.5',
  'value # comment',
  'value#not-comment',
  'trailing:',
  'a:b',
  'GPU/Ascend',
  '-',
  '- x',
  '-x',
  '?x',
  ':x',
  '@x',
  '`x`',
  '%x',
];

const TYPED_VALUES = [
  'yes',
  'No',
  'ON',
  'off',
  'True',
  'false',
  'y',
  'n',
  '1.8',
  '1.10',
  '2.5',
  '76.18',
  '0',
  '007',
  '0755',
  '09',
  '0x1F',
  '0xG',
  '0b101',
  '-1_000',
  '+12',
  '1.5e+3',
  '1.5e3',
  '.5',
  '1.',
  '.inf',
  '-.INF',
  '.NaN',
  '1:30',
  '2024:01:01',
  '1:30.5',
  '190:20:30',
  '~',
  'null',
  'Null',
  'NULL',
  '2023-02-17',
  '2023-2-17',
  '2023-02-30',
  '2023-13-01',
  '0000-01-01',
  '2023-02-17 10:00:00',
  '2023-02-17T10:00:00Z',
  '2023-02-17t10:00:00.123456789 +08:00',
  '2023-02-17 10:00:00 -5',
  '2023-02-17 25:00:00',
  '2023-02-17 10:00:00 +99',
  '=',
  '<<',
  '12345678901234567890123',
  '1_2_3',
];

const QUOTED_VALUES = [
  '"quoted"',
  "'single'",
  "'it''s'",
  '"esc \\t \\n \\x41 \\u00e9 \\U0001F600"',
  '"bad \\q escape"',
  '"short \\x4"',
  '"1.10"',
  "'yes'",
  '"a: b"',
  '"multi\n  line"',
  "'multi\n\n  line'",
  '"unclosed',
  "'unclosed",
  '"\\\n  continued"',
];

const FLOW_VALUES = [
  '[224, 224, 3]',
  '[1, [2, 3], {a: b}]',
  '{a: 1, b: two}',
  '[a, b,]',
  '[a b]',
  '{a: 1, a: 2}',
  '[]',
  '{}',
  '[a, b',
  '{a: [1, 2}',
  '[? a : b]',
  '{? a}',
  '[a: 1, b]',
  '[1:2]',
  '{x:y}',
];

const SPECIAL_VALUES = [
  '&anchor value',
  '*anchor',
  '*missing',
  '&a [1, 2]',
  '!!str 123',
  '!!int "42"',
  '!!int abc',
  '!!float 1',
  '!!bool yes',
  '!!bool maybe',
  '!!null x',
  '!!binary aGVsbG8=',
  '!!timestamp 2023-02-17',
  '!!python/none x',
  '!!python/tuple [1, 2]',
  '!!set {a, b}',
  '!!omap [a: 1, b: 2]',
  '!!pairs [a: 1, a: 2]',
  '!custom value',
  '!<tag:yaml.org,2002:str> verbatim',
  '!e!tag x',
  '!!str',
  '!!map {a: 1}',
  '!!seq [a]',
  '!!str [a]',
];

/** Characters a contributor's editor or keyboard slips in. */
const SLIPS = [
  '\t',
  '\u3000',
  '\u00a0',
  '：',
  '，',
  '\r',
  '\r\n',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u201c',
  '\x07',
  '#',
  ' ',
];

function scalar(pick: Pick, chance: Chance): string {
  if (chance(0.3)) return pick(TYPED_VALUES);
  if (chance(0.3)) return pick(PLAIN_VALUES);
  if (chance(0.4)) return pick(QUOTED_VALUES);
  if (chance(0.5)) return pick(FLOW_VALUES);
  return pick(SPECIAL_VALUES);
}

function separator(pick: Pick, chance: Chance): string {
  if (chance(0.9)) return ': ';
  return pick([':', ':\t', ' : ', '\t: ', ':  ', '：', ': \t', ':\u3000']);
}

function entryLines(
  pick: Pick,
  chance: Chance,
  random: () => number,
  indent: string,
  depth: number,
): string[] {
  const lines: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let index = 0; index < count; index++) {
    const key = pick(KEYS);
    if (depth < 2 && chance(0.15)) {
      lines.push(`${indent}${key}:`);
      const inner = indent + (chance(0.9) ? pick(['  ', '    ', ' ', '']) : '\t');
      if (chance(0.6)) {
        const dashIndent = inner;
        const items = 1 + Math.floor(random() * 3);
        for (let item = 0; item < items; item++) {
          if (chance(0.5)) {
            const nested = entryLines(pick, chance, random, `${dashIndent}  `, depth + 1);
            lines.push(`${dashIndent}- ${(nested[0] as string).trimStart()}`, ...nested.slice(1));
          } else lines.push(`${dashIndent}- ${scalar(pick, chance)}`);
        }
      } else lines.push(...entryLines(pick, chance, random, inner, depth + 1));
      continue;
    }
    if (chance(0.05)) {
      lines.push(`${indent}${key}: ${pick(['|', '>', '|-', '>+', '|2', '|0', '>-1', '| # c'])}`);
      const body = `${indent}${pick(['  ', '   ', ' ', ''])}`;
      lines.push(`${body}${pick(PLAIN_VALUES)}`, `${body}${chance(0.3) ? '' : pick(PLAIN_VALUES)}`);
      continue;
    }
    let line = `${indent}${key}${separator(pick, chance)}${chance(0.08) ? '' : scalar(pick, chance)}`;
    if (chance(0.06)) line += pick([' # comment', '  ', '\t', '\u3000', '#x', ' \t# c']);
    lines.push(line);
    if (chance(0.05)) lines.push(pick(['', '# comment', '   ', '\t', `${indent}continued words`]));
  }
  return lines;
}

function document(pick: Pick, chance: Chance, random: () => number): string {
  const lines: string[] = [];
  if (chance(0.04))
    lines.push(pick(['%YAML 1.1', '%YAML 2.0', '%TAG !e! tag:example.com,2000:', '%FOO bar', '---', '...']));
  if (chance(0.05))
    lines.push(pick(['- a', '- b: 1', 'plain text line', '"quoted"', '[1, 2]', '? complex key', ': value']));
  lines.push(...entryLines(pick, chance, random, '', 0));
  if (chance(0.03)) lines.push(pick(['---', '...', '--- x', '---\na: 1']));
  const separator = chance(0.05) ? pick(['\r\n', '\r']) : '\n';
  return lines.join(separator) + (chance(0.9) ? separator : '');
}

function mutate(text: string, pick: Pick, chance: Chance, random: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * (result.length + 1));
    const roll = random();
    if (roll < 0.4) result = result.slice(0, at) + pick(SLIPS) + result.slice(at);
    else if (roll < 0.7) result = result.slice(0, at) + result.slice(at + 1);
    else
      result =
        result.slice(0, at) +
        pick([...SLIPS, ':', '-', ' ', '"', "'", '[', '{', '&', '*', '!', '|']) +
        result.slice(at + 1);
    if (chance(0.1)) break;
  }
  return result;
}
