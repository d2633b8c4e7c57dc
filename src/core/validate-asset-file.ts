import { compareFindings, type FileFindings, type Finding } from './findings.js';
import { type DigestLine, digestLineOf } from './fix/digest-line.js';
import { type ColonHeading, colonHeadings } from './hub/colon-headings.js';
import { type HubFailure, type HubSplit, hubCheck } from './hub/hub-check.js';
import { assignOrigins } from './hub/hub-origin.js';
import { hubCheckedPath, markdownLinesOf, readAsHub } from './hub/hub-reading.js';
import { getRepoInfoFromUrl } from './hub/python-semantics.js';
import { englishTwinOf } from './hub-path.js';
import { unwrapLink } from './links.js';
import { msg } from './messages/format-message.js';
import type { Message } from './messages/message-spec.js';
import { type ByteText, readByteText } from './parse/decode-text.js';
import { explainYamlError } from './parse/explain-yaml-error.js';
import { type ParseFailure, parseFrontMatter } from './parse/parse-front-matter.js';
import { type SourceLine, type SplitFile, splitFrontMatter } from './parse/split-front-matter.js';
import {
  findTemplateLeftovers,
  type LeftoverKind,
  lineRanges,
  type TemplateLeftovers,
} from './parse/template-leftovers.js';
import { findTypingSlips, type TypingSlip } from './parse/typing-slips.js';
import { FindingCollector, type ReportSink, type SourcePosition } from './report-sink.js';
import { checkHeadingColons } from './rules/body-rules.js';
import {
  checkBackendFolder,
  checkModuleTypeCase,
  checkUpdateTime,
  checkVersionFolder,
  checkVersionFormat,
} from './rules/consistency-rules.js';
import { VERSION_FIELDS } from './rules/fields.js';
import { checkSchema } from './rules/front-matter-schema.js';
import { checkDuplicateKeys, checkUnknownKeys, checkVersionText } from './rules/key-rules.js';
import { checkAssetLinks, checkAssetSha256, checkRepoLink } from './rules/link-rules.js';
import {
  checkChineseTwin,
  checkFileExtension,
  checkFolderLayout,
  type LayoutHints,
} from './rules/path-rules.js';
import { RULES_BY_ID } from './rules/rule-catalog.js';
import {
  type AssetDocument,
  assetEntries,
  assetPosition,
  assetRawValue,
  type HubContext,
  type Rule,
  unquote,
  valuePosition,
} from './rules/rule-context.js';
import type { RulesConfig } from './rules/rules-config.js';
import {
  checkEmptyHubValues,
  checkEvaluationDash,
  checkExtraColon,
  checkFeaturedImage,
  checkFileFormats,
  checkInferBackend,
  checkModuleType,
  checkTrainBackend,
  checkTrainDataset,
  checkUsedFor,
} from './rules/value-rules.js';
import { detached } from './text/detached.js';
import { inCode, q } from './text/quote.js';
import { scalarText } from './text/scalar-text.js';

export interface AssetFileInput {
  /** Path relative to the hub root, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

/** One entry of the `asset` list, as written. */
export interface AssetEntryFacts {
  /** `asset-link` without its `<...>`; undefined when missing or not text. */
  link?: string;
  /** `asset-sha256` as written (YAML may have read it as a number). */
  sha256?: string;
  format?: string;
  /** Where the entry's `asset-link` is written (else the entry, else `asset:`). */
  linkAt: SourcePosition;
  sha256At: SourcePosition;
  /** Where a digest computed from a download would be written; none where that is not safe. */
  digestLine?: DigestLine;
}

/** What the rules that look beyond one file (duplicate digests, downloads) need to know about it. */
export interface AssetFacts {
  modelName?: string;
  /** `repo-link` as written, without `<...>`. */
  repoLink?: string;
  repoLinkAt: SourcePosition;
  assets: AssetEntryFacts[];
  /** The front matter with version fields as written; only when asked for (the catalog needs it). */
  fields?: Record<string, unknown>;
}

export interface AssetFileResult extends FileFindings {
  facts?: AssetFacts;
}

const FRONT_MATTER_RULES: readonly Rule[] = [
  checkSchema,
  checkEmptyHubValues,
  checkModuleType,
  checkUsedFor,
  checkTrainBackend,
  checkInferBackend,
  checkTrainDataset,
  checkFileFormats,
  checkFeaturedImage,
  checkExtraColon,
  checkEvaluationDash,
  checkAssetSha256,
  checkAssetLinks,
  checkRepoLink,
  checkDuplicateKeys,
  checkVersionFormat,
  checkVersionFolder,
  checkUpdateTime,
  checkModuleTypeCase,
  checkBackendFolder,
  checkUnknownKeys,
  checkVersionText,
  checkHeadingColons,
];

/** Checks one asset file. Pure: the bytes and everything known about the hub come from the caller. */
export function validateAssetFile(
  input: AssetFileInput,
  config: RulesConfig,
  hub: HubContext = {},
  options: ValidateOptions = {},
): AssetFileResult {
  const sink = new FindingCollector(
    input.path,
    config.severities,
    options.everyFinding ? Number.POSITIVE_INFINITY : undefined,
  );
  const layout: LayoutHints = {};
  const read: ReadFrontMatter = {};
  const facts = checkContent(input, config, hub, sink, options, layout, read);
  // After the content: a folder move can then name the file's own publisher and version.
  checkFolderLayout(input.path, sink, layout);
  const findings = sink.findings;
  const failures = hubCheckNeeded(input.path, findings, read, config)
    ? hubCheck({
        path: input.path,
        bytes: input.bytes,
        datasets: config.datasets,
        limits: config.limits,
        images: hub.hubImages,
        assetPaths: hub.assetPaths,
        parsed: read.parsed,
        split: read.split,
        colonHeadings: read.colonHeadings,
      })
    : repoInfoFailures(read);
  assignOrigins(findings, failures, sink, {
    frontMatterRead: read.parsed !== undefined,
    keyLines: read.keyLines ?? new Map(),
  });
  if (findings.length > 1) findings.sort(compareFindings);
  const result: AssetFileResult = { path: input.path, findings };
  if (facts) result.facts = facts;
  return result;
}

/**
 * Whether the hub's whole check must run on the file to know its verdict. Not for a plain file (cut
 * as check.py cuts it, its front matter plain `key: value` lines read from the lines YAML is given,
 * no image, no heading ending in `:`) where no rule found an error, nor anything of a rule that can
 * name a reason of the hub's: there the rules already check all that check.py checks, with the
 * same verdict, except how get_repo_info_from_url takes `repo-link` apart (repoInfoFailures).
 * That the verdicts agree is what the differential tests against the hub's validator show
 * (test/core/hub-parity.test.ts, `npm run parity`), which run through this shortcut. Most files of
 * a hub are such files; the whole check costs a tenth of a hub-wide run. It holds only while every
 * rule reports at least as an error as the catalogue says: a repository that turns one off or down
 * to a warning gets the whole check, so no reason of the hub's goes unnamed.
 */
function hubCheckNeeded(
  path: string,
  findings: readonly Finding[],
  read: ReadFrontMatter,
  config: RulesConfig,
): boolean {
  if (hubCheckedPath(path) !== path) return true;
  for (const setting of Object.values(config.severities)) if (setting !== 'error') return true;
  const parsed = read.parsed;
  if (!parsed?.plain || !read.split || parsed.lines !== read.split.frontMatter) return true;
  if ((read.colonHeadings?.length ?? 0) > 0 || Object.hasOwn(parsed.data, 'featured-image')) return true;
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index] as Finding;
    if (finding.severity === 'error' || RULES_BY_ID.get(finding.rule)?.origin === 'hub') return true;
  }
  return false;
}

/** The one check of check.py the rules do not make the hub's way: `repo-link` taken apart. */
function repoInfoFailures(read: ReadFrontMatter): HubFailure[] {
  const link = read.parsed?.data['repo-link'];
  const problem = typeof link === 'string' ? getRepoInfoFromUrl(link) : undefined;
  if (!problem) return [];
  const line = read.keyLines?.get('repo-link')?.line;
  return [
    { check: 'repo-info', field: 'repo-link', python: problem, ...(line === undefined ? {} : { line }) },
  ];
}

/** The front matter as read for the rules, handed on so the hub's check need not read it again. */
interface ReadFrontMatter {
  parsed?: { lines: readonly SourceLine[]; data: Record<string, unknown>; plain: boolean };
  /** The file as cut for the rules, when check.py cuts it the same way. */
  split?: HubSplit | undefined;
  /** The headings that end in `:` as the hub's mistune finds them. */
  colonHeadings?: readonly ColonHeading[];
  /** Where each top-level key is written, as read (typing slips corrected). */
  keyLines?: ReadonlyMap<string, { line: number }>;
}

export interface ValidateOptions {
  /**
   * Keep every finding, not the first 50 of a rule: `fix` applies them all in one run. A report
   * keeps 50, then says how many more there are.
   */
  everyFinding?: boolean;
  /**
   * Keep every front matter field in the facts. Off unless needed: the values would keep each file's
   * text alive until the whole hub is checked, and collecting it is a good part of the run's GC.
   */
  fields?: boolean;
  /**
   * Where a digest computed from a download would be written, for each asset. Only when assets will
   * be downloaded: it is a line rebuilt per asset, for every file of a hub-wide run otherwise.
   */
  digestLines?: boolean;
}

function checkContent(
  input: AssetFileInput,
  config: RulesConfig,
  hub: HubContext,
  sink: ReportSink,
  options: ValidateOptions,
  layout: LayoutHints,
  frontMatter: ReadFrontMatter,
): AssetFacts | undefined {
  checkFileExtension(input.path, sink);

  const read = readByteText(input.bytes, config.limits.maxFileBytes);
  if (!read.ok) {
    if (read.reason === 'too-large') {
      sink.report(
        'file-size',
        undefined,
        msg('file-size.file', { detail: read.detail }),
        msg('file-size.fix-file'),
      );
    } else {
      sink.report(
        'file-encoding',
        undefined,
        msg('file-encoding.message', { detail: read.detail }),
        msg('file-encoding.fix'),
      );
    }
    return undefined;
  }

  if (englishTwinOf(input.path)) {
    checkChineseTwin(input.path, hub, sink);
    return undefined;
  }

  const { file } = read;
  const split = splitFrontMatter(file.text, (start, end) => file.decode(start, end));
  const hubSplit = cutAsHubCutsIt(input.bytes, file.text) ? hubSplitOf(split, file) : undefined;
  frontMatter.split = hubSplit;
  frontMatter.colonHeadings = headingsEndingInColon(hubSplit, input.bytes);
  if (split.fenceLines.length !== 2) reportFences(split.fenceLines, sink);
  // With extra fences the hub still fails the file, but the front matter is known: check it too,
  // so the contributor sees every problem in one round.
  if (split.fenceLines.length < 2) return undefined;
  const frontMatterLine = (split.fenceLines[0] ?? 0) + 1;
  // Slips and template leftovers are reported where they are, then read as if fixed, so one run
  // shows the contributor every other problem too.
  const slips = findTypingSlips(split.frontMatter, split.frontMatterText);
  reportTypingSlips(slips.slips, sink);
  // The whole text stands for the lines only while they are the lines as written.
  const asWritten = (lines: readonly SourceLine[]) =>
    lines === split.frontMatter ? split.frontMatterText : undefined;
  const template = findTemplateLeftovers(slips.corrected, asWritten(slips.corrected));
  reportTemplateLeftovers(template, sink);
  const parsed = parseFrontMatter(
    template.corrected,
    frontMatterLine,
    config.limits,
    asWritten(template.corrected),
  );
  if (!parsed.ok) {
    reportParseFailure(parsed.failure, template.corrected, sink);
    return undefined;
  }
  frontMatter.parsed = { lines: parsed.value.yamlLines, data: parsed.value.data, plain: parsed.value.plain };
  frontMatter.keyLines = parsed.value.layout.keys;

  const doc: AssetDocument = {
    path: input.path,
    data: parsed.value.data,
    layout: parsed.value.layout,
    frontMatterLine,
    writtenLines: split.frontMatter,
    colonHeadings: frontMatter.colonHeadings ?? NO_HEADINGS,
  };
  if (parsed.value.evaluationDashLine !== undefined) doc.evaluationDashLine = parsed.value.evaluationDashLine;
  const version = doc.layout.keys.get('mindspore-version')?.rawValue;
  if (version) layout.version = unquote(version);
  const userId = scalarText(doc.data['user-id']);
  if (userId) layout.userId = userId;
  const context = { doc, config, hub, sink };
  for (let index = 0; index < FRONT_MATTER_RULES.length; index++)
    (FRONT_MATTER_RULES[index] as Rule)(context);
  return collectFacts(doc, options);
}

const LINE_FEED = 10;

/**
 * Whether check.py (Python's universal newlines, a byte order mark kept) cuts the file into the
 * lines mshub-review cut it into: no byte order mark, and no `\r` but before `\n`.
 */
function cutAsHubCutsIt(bytes: Uint8Array, text: string): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return false;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1))
    if (text.charCodeAt(at + 1) !== LINE_FEED) return false;
  return true;
}

/**
 * Whether a line of `text[from, to)` could be taken by mistune for a heading that ends in `:`: a
 * line that ends in `:` (before spaces, tabs or `#`) and starts with `#` (after spaces, tabs, `>`
 * and list bullets, where a quote in a list can hold a heading) or has one after a footnote's `]:`,
 * or that stands above an underline of `=` or `-`. U+2424 is a line break to mistune: the text being
 * read a byte a character, its UTF-8 bytes break a line here too. A superset: mistune decides. One
 * search for lines that end in `:`, then a look at each; mistune's patterns cost 10 ms to compile.
 */
function markdownMayEndInColon(
  text: string,
  regions: ReadonlyArray<readonly [number, number]>,
  hasU2424: boolean,
): boolean {
  let region = 0;
  LINE_ENDS_IN_COLON.lastIndex = regions[0]?.[0] ?? 0;
  // test(), not exec(): no match array for each of the many lines that end in `:`. One search over
  // all regions: a file of many fences is read once.
  while (region < regions.length && LINE_ENDS_IN_COLON.test(text)) {
    const end = LINE_ENDS_IN_COLON.lastIndex;
    let colon = end;
    while (colon > 0 && text.charCodeAt(colon - 1) !== COLON) colon--;
    colon--;
    while (region < regions.length && colon >= (regions[region] as [number, number])[1]) region++;
    const current = regions[region];
    if (!current) return false;
    if (colon < current[0]) {
      LINE_ENDS_IN_COLON.lastIndex = Math.max(end, current[0]);
      continue;
    }
    let lineStart = text.lastIndexOf('\n', colon) + 1;
    if (hasU2424) lineStart = Math.max(lineStart, text.lastIndexOf(U2424, colon) + U2424.length);
    if (startsWithHash(text, lineStart, colon)) return true;
    const footnote = text.indexOf(']:', lineStart);
    if (footnote !== -1 && footnote < colon && startsWithHash(text, footnote + 2, colon)) return true;
    UNDERLINE_NEXT.lastIndex = end;
    if (UNDERLINE_NEXT.test(text)) return true;
    LINE_ENDS_IN_COLON.lastIndex = end;
  }
  return false;
}
/** Whether `text[from, to)` has a `#` after spaces, tabs, `>`, and list bullets (`-`, `*`, `+`, `1.`). */
function startsWithHash(text: string, from: number, to: number): boolean {
  let at = from;
  while (at < to && BEFORE_HASH.includes(text[at] as string)) at++;
  return at < to && text[at] === '#';
}
const BEFORE_HASH = ' \t>*+-.0123456789';
const COLON = 58;
const U2424 = '\xe2\x90\xa4';
const LINE_ENDS_IN_COLON = /:[ \t#]*(?:\r?\n|\xe2\x90\xa4|$)/g;
const UNDERLINE_NEXT = /[ \t>]*[=-]+[ \t]*(?:\r?\n|\r?$|\xe2\x90\xa4)/y;

function hubSplitOf(split: SplitFile, file: ByteText): HubSplit {
  const text = file.text;
  const hasU2424 = text.includes(U2424);
  // Every line that starts with `---` toggles: markdown runs up to the first fence, then from each
  // second fence's next line to the fence after it.
  const regions: Array<[number, number]> = [];
  let from = 0;
  for (let index = 0; index <= split.fenceStarts.length; index += 2) {
    const to = split.fenceStarts[index] ?? text.length;
    regions.push([from, to]);
    const closing = split.fenceStarts[index + 1];
    if (closing === undefined) break;
    from = lineEndAfter(text, closing);
  }
  return new SplitMarkdown(split, file, regions, markdownMayEndInColon(text, regions, hasU2424));
}

/** A file as cut for the rules, handed to the hub's check; its markdown is decoded only if asked for. */
class SplitMarkdown implements HubSplit {
  readonly fenceLines: readonly number[];
  readonly frontMatter: readonly SourceLine[];
  readonly frontMatterText: string;

  constructor(
    split: SplitFile,
    private readonly file: ByteText,
    private readonly regions: ReadonlyArray<readonly [number, number]>,
    readonly markdownMayEndInColon: boolean,
  ) {
    this.fenceLines = split.fenceLines;
    this.frontMatter = split.frontMatter;
    this.frontMatterText = split.frontMatterText;
  }

  markdown(): string {
    let markdown = '';
    for (const [start, end] of this.regions) {
      const part = this.file.decode(start, end);
      markdown += markdown === '' || markdown.endsWith('\n') ? part : `\n${part}`;
    }
    markdown = markdown.replaceAll('\r\n', '\n');
    if (!markdown.includes('evaluation: -')) return markdown;
    return markdown
      .split('\n')
      .map((line) => (line.includes('evaluation: -') ? line.replaceAll('-', 'no') : line))
      .join('\n');
  }
}

/** The headings that end in `:`, in the markdown as check.py reads it (its own reading where it cuts lines otherwise). */
const NO_HEADINGS: readonly ColonHeading[] = Object.freeze([]);

function headingsEndingInColon(split: HubSplit | undefined, bytes: Uint8Array): readonly ColonHeading[] {
  if (split) {
    if (!split.markdownMayEndInColon) return NO_HEADINGS;
    const markdown = split.markdown();
    return colonHeadings(markdown, () => markdownLinesOf(markdown, split.fenceLines));
  }
  const reading = readAsHub(bytes);
  if (reading === undefined || reading.fenceLines.length < 2) return NO_HEADINGS;
  return colonHeadings(reading.markdown.map((line) => line.text).join(''), () => reading.markdown);
}

/** Where the line that starts at `start` ends, its line break included. */
function lineEndAfter(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end + 1;
}

/** A file of thousands of `---` lines must not make a message of thousands of numbers. */
const MAX_FENCE_LINES_NAMED = 10;

function reportFences(fenceLines: readonly number[], sink: ReportSink): void {
  const shown = fenceLines.slice(0, MAX_FENCE_LINES_NAMED).join(', ');
  const more = fenceLines.length - MAX_FENCE_LINES_NAMED;
  sink.report(
    'front-matter-fences',
    fenceLines.length > 2 ? { line: fenceLines[2] ?? 1 } : undefined,
    fenceLines.length === 0
      ? msg('front-matter-fences.none')
      : more > 0
        ? msg('front-matter-fences.count-more', { count: fenceLines.length, lines: shown, more })
        : msg('front-matter-fences.count', { count: fenceLines.length, lines: shown }),
    fenceLines.length > 2 ? msg('front-matter-fences.fix-extra') : msg('front-matter-fences.fix-missing'),
  );
}

function reportTypingSlips(slips: readonly TypingSlip[], sink: ReportSink): void {
  for (const slip of slips) {
    const corrected = slip.corrected.trim();
    const writtenIndent = /^[ \t\u3000\u00a0]*/.exec(slip.written)?.[0] ?? '';
    const indent = slip.corrected.length - slip.corrected.trimStart().length;
    const inIndentation = slip.column <= writtenIndent.length;
    sink.report(
      'wrong-character',
      { line: slip.line, column: slip.column },
      msg(`wrong-character.${slip.kind}`, { line: slip.line }),
      inIndentation
        ? msg('wrong-character.fix-indent', { line: slip.line, spaces: indent })
        : corrected.length <= 100
          ? msg('wrong-character.fix-line', { corrected: inCode(slip.corrected.trimEnd()) })
          : msg(`wrong-character.repair-${slip.kind}`),
      [{ line: slip.line, text: slip.corrected }],
    );
  }
}

function reportTemplateLeftovers(leftovers: TemplateLeftovers, sink: ReportSink): void {
  const lines = leftovers.edits.map((edit) => edit.line);
  const first = lines[0];
  if (first === undefined) return;
  const parts = [...leftovers.kinds].map((kind: LeftoverKind) => msg(`template-leftover.${kind}`));
  sink.report(
    'template-leftover',
    { line: first },
    msg('template-leftover.message', { parts, lines: lineRanges(lines) }),
    msg('template-leftover.fix'),
    leftovers.edits,
  );
}

/**
 * A fix that leaves no other error behind: quotes would please YAML, but the hub refuses `:` in any
 * value but `repo-link`, `asset` and `evaluation`, and `accuracy` must be a number.
 */
function colonInValueFix(key: string, value: string, evaluationLine: number | undefined): Message {
  if (key === 'evaluation' || key === 'repo-link')
    return msg('front-matter-yaml.fix-quote', {
      key: inCode(key),
      value: inCode(value.replaceAll('"', "'")),
    });
  const number = /(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value)?.[1];
  if (key === 'accuracy' && number)
    return evaluationLine === undefined
      ? msg('front-matter-yaml.fix-accuracy', { number, details: inCode(value.replaceAll('"', "'")) })
      : msg('front-matter-yaml.fix-accuracy-evaluation', { number, line: evaluationLine });
  return msg('front-matter-yaml.fix-no-colon', {
    key: inCode(key),
    value: inCode(value.replace(/:\s*/g, ' - ')),
  });
}

function reportParseFailure(failure: ParseFailure, lines: readonly SourceLine[], sink: ReportSink): void {
  const at = {
    line: failure.line,
    ...('column' in failure && failure.column !== undefined ? { column: failure.column } : {}),
  };
  switch (failure.kind) {
    case 'yaml':
      if (failure.key) {
        const written = lines.find((source) => source.line === failure.line)?.text ?? '';
        sink.report(
          'front-matter-yaml',
          at,
          msg('front-matter-yaml.colon-in-value', { key: q(failure.key) }),
          colonInValueFix(
            failure.key,
            written.slice(written.indexOf(':') + 1).trim(),
            lines.find((source) => source.text.startsWith('evaluation:'))?.line,
          ),
        );
        return;
      }
      {
        const explained = explainYamlError(failure.reason, at, lines, failure.context?.text);
        sink.report(
          'front-matter-yaml',
          { line: explained.line, ...(explained.column === undefined ? {} : { column: explained.column }) },
          msg('front-matter-yaml.quoted', {
            explanation: explained.message,
            line: q(lines.find((source) => source.line === explained.line)?.text.trim() ?? ''),
          }),
          explained.fix,
        );
      }
      return;
    case 'impossible-value':
      sink.report(
        'front-matter-yaml',
        at,
        msg('front-matter-yaml.impossible-value', { value: q(failure.value), reason: failure.reason }),
        msg('front-matter-yaml.fix-impossible-value'),
      );
      return;
    case 'empty':
      sink.report(
        'front-matter-yaml',
        at,
        msg('front-matter-yaml.empty'),
        msg('front-matter-yaml.fix-empty'),
      );
      return;
    case 'not-mapping':
      sink.report(
        'front-matter-yaml',
        at,
        msg('front-matter-yaml.not-mapping', { found: failure.found }),
        msg('front-matter-yaml.fix-not-mapping'),
      );
      return;
    case 'unsafe':
      sink.report(
        'front-matter-unsafe',
        at,
        msg('front-matter-unsafe.message', { reason: failure.reason }),
        msg('front-matter-unsafe.fix'),
      );
      return;
    case 'too-large':
      sink.report(
        'file-size',
        at,
        msg('file-size.front-matter', { bytes: failure.bytes, limit: failure.limit }),
        msg('file-size.fix-front-matter'),
      );
      return;
  }
}

function collectFacts(doc: AssetDocument, options: ValidateOptions): AssetFacts {
  const facts: AssetFacts = { assets: [], repoLinkAt: valuePosition(doc, 'repo-link') };
  if (options.fields) facts.fields = fieldsAsWritten(doc);
  const repoLink = doc.data['repo-link'];
  if (typeof repoLink === 'string') facts.repoLink = detached(unwrapLink(repoLink));
  const name = doc.data['model-name'];
  if (typeof name === 'string' || typeof name === 'number') facts.modelName = detached(String(name));
  // Indexed, not forEach: once per file, mostly before the optimizing compiler has seen it.
  const entries = assetEntries(doc);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Record<string, unknown>;
    const asset: AssetEntryFacts = {
      linkAt: assetPosition(doc, index, 'asset-link'),
      sha256At: assetPosition(doc, index, 'asset-sha256'),
    };
    const link = entry['asset-link'];
    if (typeof link === 'string') asset.link = detached(unwrapLink(link));
    if ('asset-sha256' in entry) {
      const raw = assetRawValue(doc, index, 'asset-sha256');
      asset.sha256 = detached(raw === undefined ? (scalarText(entry['asset-sha256']) ?? '') : unquote(raw));
    }
    if (typeof entry['file-format'] === 'string') asset.format = detached(entry['file-format']);
    const digestLine = options.digestLines ? digestLineOf(doc, index, asset.link) : undefined;
    if (digestLine) asset.digestLine = digestLine;
    facts.assets.push(asset);
  }
  return facts;
}

/** The parsed front matter, except that versions keep the text of the file (`1.10`, not 1.1). */
function fieldsAsWritten(doc: AssetDocument): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...doc.data };
  for (const field of VERSION_FIELDS) {
    const raw = doc.layout.keys.get(field)?.rawValue;
    if (typeof fields[field] === 'number' && raw !== undefined) fields[field] = unquote(raw);
  }
  return fields;
}
