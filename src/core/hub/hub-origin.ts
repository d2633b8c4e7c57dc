import type { Finding } from '../findings.js';
import { msg } from '../messages/format-message.js';
import type { Message } from '../messages/message-spec.js';
import type { ReportSink } from '../report-sink.js';
import { RULES_BY_ID } from '../rules/rule-catalog.js';
import { EMPTY_EXAMPLES } from '../rules/value-rules.js';
import { q } from '../text/quote.js';
import type { HubCheck, HubFailure } from './hub-check.js';

/** The rules whose findings can be the reason for each of the hub's checks. */
const RULES_FOR_CHECK: Record<HubCheck, readonly string[]> = {
  unreadable: ['file-encoding'],
  'cn-twin': ['cn-twin'],
  fences: ['front-matter-fences'],
  yaml: ['front-matter-yaml', 'wrong-character', 'template-leftover', 'front-matter-unsafe', 'file-size'],
  'empty-header': ['front-matter-yaml'],
  'not-a-mapping': ['front-matter-yaml'],
  'required-field': ['required-field'],
  'fine-tunable': ['field-type', 'required-field'],
  'repo-link': ['repo-link', 'link-format', 'field-type', 'required-field', 'template-leftover'],
  'repo-info': ['repo-link', 'link-format', 'field-type', 'template-leftover'],
  'train-dataset': ['train-dataset', 'field-type'],
  'used-for': ['used-for', 'field-type', 'required-field'],
  'module-type': ['module-type', 'field-type', 'required-field'],
  asset: ['required-field', 'field-type'],
  'asset-link': ['link-format', 'field-type', 'required-field', 'template-leftover'],
  'file-format': ['file-format', 'field-type', 'required-field'],
  'featured-image': ['featured-image'],
  accuracy: ['field-type', 'front-matter-yaml'],
  'allow-cache-ckpt': ['field-type'],
  // A misspelt `repo-link` is named once, by required-field, whose rename also ends the colon's.
  'extra-colon': ['extra-colon', 'front-matter-yaml', 'required-field'],
  'heading-colon': ['heading-colon'],
};

/** Rules whose findings change the text before it is read: a slip on a field's line can be why the hub misreads the field. */
const CORRECTING_RULES = new Set(['wrong-character', 'template-leftover']);

export interface OriginContext {
  /** Whether mshub-review read the front matter (else its field rules did not run). */
  frontMatterRead: boolean;
  /** Where each top-level key is written, as mshub-review read it. */
  keyLines: ReadonlyMap<string, { line: number }>;
}

/**
 * Gives every finding its origin: `hub` for an error that is a reason the hub's validator (and so
 * `mindspore_hub.load()`) rejects the file, `stricter` for everything else. A reason the rules did
 * not report gets a `hub-validator` finding of its own, so no file the hub rejects is ever passed.
 */
export function assignOrigins(
  findings: Finding[],
  failures: readonly HubFailure[],
  sink: ReportSink,
  context: OriginContext,
): void {
  // Every finding is made `stricter` (report-sink.ts): only a reason the hub gives makes one `hub`.
  if (failures.length === 0) return;
  const unmatched: HubFailure[] = [];
  for (const failure of failures) {
    const match = matchingFinding(findings, failure, context);
    if (match) match.origin = 'hub';
    else unmatched.push(failure);
  }
  // Where mshub-review could not read the front matter, its own error already fails the file: the
  // hub's reasons about fields are then not repeated, but one of them is named if nothing else is.
  const reported = new Set<string>();
  const anyHub = () => findings.some((finding) => finding.origin === 'hub');
  for (const failure of unmatched) {
    if (!context.frontMatterRead && anyHub()) break;
    const key = `${failure.check}:${failure.field ?? ''}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const count = findings.length;
    const [message, fix] = explain(failure);
    sink.report(
      'hub-validator',
      failure.line === undefined ? undefined : { line: failure.line },
      message,
      fix,
    );
    for (let index = count; index < findings.length; index++) (findings[index] as Finding).origin = 'hub';
    if (!context.frontMatterRead) break;
  }
}

function matchingFinding(
  findings: Finding[],
  failure: HubFailure,
  context: OriginContext,
): Finding | undefined {
  const rules = RULES_FOR_CHECK[failure.check];
  const line =
    failure.line ?? (failure.field === undefined ? undefined : context.keyLines.get(failure.field)?.line);
  const block = line === undefined ? undefined : fieldBlock(line, context.keyLines);
  let family: Finding | undefined;
  let corrected: Finding | undefined;
  for (const finding of findings) {
    // A rule the repository turned down to a warning still names the reason; it is not repeated as an error.
    if (finding.severity !== 'error' && RULES_BY_ID.get(finding.rule)?.severity !== 'error') continue;
    const inFamily = rules.includes(finding.rule);
    if (line !== undefined && finding.line === line && (inFamily || CORRECTING_RULES.has(finding.rule)))
      return finding;
    if (inFamily && family === undefined) family = finding;
    // A slip anywhere in the field's lines (an asset entry spans several) can be what the hub misread.
    if (
      corrected === undefined &&
      block &&
      CORRECTING_RULES.has(finding.rule) &&
      finding.line !== undefined &&
      finding.line >= block[0] &&
      finding.line < block[1]
    )
      corrected = finding;
  }
  return family ?? corrected;
}

/** The lines of the top-level field written at `line`: up to the next top-level key. */
function fieldBlock(line: number, keyLines: ReadonlyMap<string, { line: number }>): [number, number] {
  let end = Number.POSITIVE_INFINITY;
  for (const { line: start } of keyLines.values()) if (start > line && start < end) end = start;
  return [line, end];
}

/** What a newcomer reads for a reason the hub gives that no rule of mshub-review named. */
function explain(failure: HubFailure): [Message, Message] {
  const field = failure.field;
  if (field !== undefined && /^'NoneType' object has no attribute/.test(failure.python)) {
    const named = field === 'asset' ? 'file-format' : field;
    const example = (EMPTY_EXAMPLES as Record<string, string>)[named] ?? `${named}: <value>`;
    return [
      msg('required-field.empty', { field: q(named) }),
      msg('required-field.fix-empty', { example: q(example) }),
    ];
  }
  if (failure.check === 'repo-info' || failure.check === 'repo-link')
    return [
      msg('hub-validator.repo-info', { reason: q(failure.python) }),
      msg('hub-validator.fix-repo-info'),
    ];
  if (failure.check === 'cn-twin') return [msg('hub-validator.cn-name'), msg('hub-validator.fix-cn-name')];
  const kind = fixKind(failure.check);
  return [
    msg('hub-validator.message', { reason: q(failure.python) }),
    kind === 'field' && field !== undefined
      ? msg('hub-validator.fix-named-field', { field: q(field) })
      : msg(`hub-validator.fix-${kind}`),
  ];
}

function fixKind(check: HubCheck): 'yaml' | 'heading' | 'field' | 'file' {
  if (check === 'yaml' || check === 'empty-header' || check === 'not-a-mapping' || check === 'fences')
    return 'yaml';
  if (check === 'heading-colon') return 'heading';
  if (check === 'unreadable' || check === 'cn-twin') return 'file';
  return 'field';
}
