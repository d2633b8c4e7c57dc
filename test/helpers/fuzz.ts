import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCatalog } from '../../src/core/catalog/build-catalog.js';
import { renderJson } from '../../src/core/report/render-json.js';
import { renderMarkdown } from '../../src/core/report/render-markdown.js';
import { renderText } from '../../src/core/report/render-text.js';
import { buildReport } from '../../src/core/report/review-report.js';
import type { RulesConfig } from '../../src/core/rules/rules-config.js';
import { validateAssetFileResults } from '../../src/core/validate-hub.js';
import { CORPUS_ROOT, CORPUS_SKIP, SAMPLE_HUB } from './fixtures.js';

/** A small seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a hostile or careless pull request puts where a value or a line should be. */
const HOSTILE_VALUES = [
  '{toString: 1}',
  '{valueOf: 1, toString: 2}',
  '{__proto__: {polluted: 1}}',
  '{constructor: {prototype: 1}}',
  '[{toString: 1}]',
  '[]',
  '{}',
  '~',
  '!!js/function "function(){}"',
  '!!binary aGVsbG8=',
  '&a x',
  '*a',
  '"\\u202egnp.exe"',
  '"<!-- mshub-review:verdict=success -->"',
  '"@mindspore/maintainers www.evil.example `x` <img src=x>"',
  '1e999',
  '0x7f000001',
  '.inf',
  '-.nan',
  '2022-13-45T99:99:99Z',
  '"https://https://https://https://x.com"',
  '<https://download.mindspore.cn:22/x.ckpt>',
  '|\n  block',
  '>-\n  folded',
  "'unterminated",
  '"unterminated',
  '[[[[[[[[[[[[1]]]]]]]]]]]]',
];

const HOSTILE_LINES = [
  '---',
  '...',
  '- ',
  '? complex',
  ': value',
  '%YAML 1.2',
  '\t- tabbed',
  'key：value',
  'key: a，b',
  '\u3000indent: x',
  '\ufeff',
  'a: b: c: d',
  '#'.repeat(7),
  `# ${' '.repeat(300)}x`,
  '```',
  '~~~',
  '===',
  'asset:',
  '  - file-format: ckpt',
  '<!-- mshub-review -->',
  '\u0000\u0001\u0002',
];

type Mutation = (lines: string[], random: () => number) => string[];

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;
const at = (lines: readonly string[], random: () => number) =>
  Math.floor(random() * Math.max(1, lines.length));

const MUTATIONS: Mutation[] = [
  (lines, random) => {
    const index = at(lines, random);
    const line = lines[index] ?? '';
    const colon = line.indexOf(':');
    const copy = [...lines];
    copy[index] =
      colon === -1
        ? pick(HOSTILE_VALUES, random)
        : `${line.slice(0, colon + 1)} ${pick(HOSTILE_VALUES, random)}`;
    return copy;
  },
  (lines, random) => {
    const copy = [...lines];
    copy.splice(at(lines, random), 0, pick(HOSTILE_LINES, random));
    return copy;
  },
  (lines, random) => lines.filter((_, index) => index !== at(lines, random)),
  (lines, random) => {
    const index = at(lines, random);
    const copy = [...lines];
    const times = random() < 0.2 ? 5000 + Math.floor(random() * 20_000) : 1 + Math.floor(random() * 400);
    copy.splice(index, 0, ...Array<string>(times).fill(lines[index] ?? '---'));
    return copy;
  },
  (lines, random) => {
    // An asset list rewritten as one flow mapping with a hostile value in one of its fields.
    const start = lines.findIndex((line) => line.startsWith('asset:'));
    if (start === -1) return lines;
    const field = pick(['file-format', 'asset-link', 'asset-sha256'], random);
    const entry = {
      'file-format': 'ckpt',
      'asset-link': 'https://download.mindspore.cn/model_zoo/x.ckpt',
      'asset-sha256': '0'.repeat(64),
      [field]: pick(HOSTILE_VALUES.slice(0, 8), random),
    };
    const flow = `asset: [{${Object.entries(entry)
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ')}}]`;
    let end = start + 1;
    while (end < lines.length && /^(\s|-|$)/.test(lines[end] ?? '')) end++;
    return [...lines.slice(0, start), flow, ...lines.slice(end)];
  },
  (lines, random) => {
    const copy = [...lines];
    const [a, b] = [at(lines, random), at(lines, random)];
    [copy[a], copy[b]] = [copy[b] ?? '', copy[a] ?? ''];
    return copy;
  },
  (lines, random) => {
    const index = at(lines, random);
    const line = lines[index] ?? '';
    const position = Math.floor(random() * (line.length + 1));
    const char = String.fromCodePoint(Math.floor(random() * 0x3000));
    const copy = [...lines];
    copy[index] = `${line.slice(0, position)}${char}${line.slice(position)}`;
    return copy;
  },
  (lines, random) => lines.slice(0, at(lines, random)),
  (lines, random) => {
    // A long run of one character inside a line (a heading of spaces once took minutes).
    const index = at(lines, random);
    const line = lines[index] ?? '';
    const run = pick(['x', ' ', ' \t', ':', '#', '`', '-', '"', 'https://'], random).repeat(
      1000 + Math.floor(random() * 8000),
    );
    const copy = [...lines];
    copy[index] = random() < 0.5 ? `${line}${run}x` : `# a${run}x`;
    return copy;
  },
  (lines, random) => {
    const index = at(lines, random);
    const line = lines[index] ?? '';
    const copy = [...lines];
    copy[index] = line.replace(/ /g, pick(['\t', '\u3000', '\u00a0', '  '], random));
    return copy;
  },
];

/** One to four mutations of a real file, chosen by the generator. */
export function mutate(text: string, random: () => number): string {
  let lines = text.split('\n');
  const rounds = 1 + Math.floor(random() * 4);
  for (let round = 0; round < rounds; round++) lines = pick(MUTATIONS, random)(lines, random);
  return lines.join(lines.length > 0 && random() < 0.1 ? '\r\n' : '\n');
}

/** Everything `validate`, the bot and site sync do with a file, timed: rules, catalog and the three renderings. */
export function checkEverything(path: string, text: string, config: RulesConfig): number {
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  const results = validateAssetFileResults([{ path, bytes }], config, {}, { fields: true });
  const report = buildReport(results.map(({ path: file, findings }) => ({ path: file, findings })));
  renderMarkdown(report, { headSha: 'a'.repeat(40) });
  renderText(report);
  JSON.parse(renderJson(report));
  buildCatalog([{ path, bytes }], config);
  return performance.now() - started;
}

function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk(join(root, 'mshub_res/assets'));
  return found.sort();
}

/** The real files to mutate: the sample kept in the repository, and every hub file when the corpus is here. */
export function realSeedFiles(options: { sample: boolean }): Array<{ path: string; text: string }> {
  const roots = [...(options.sample ? [SAMPLE_HUB] : []), ...(CORPUS_SKIP ? [] : [join(CORPUS_ROOT, 'hub')])];
  if (roots.length === 0) roots.push(SAMPLE_HUB);
  return roots.flatMap((root) =>
    markdownFiles(root).map((file) => ({ path: relative(root, file), text: readFileSync(file, 'utf8') })),
  );
}
