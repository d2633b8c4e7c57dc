import type { Finding, LineEdit, Severity, SeveritySetting } from './findings.js';
import { formatMessage, msg } from './messages/format-message.js';
import type { Message, ParamValue } from './messages/message-spec.js';
import { RULES_BY_ID, type RuleId } from './rules/rule-catalog.js';
import { detached } from './text/detached.js';
import { stripInvisible } from './text/quote.js';

export interface SourcePosition {
  line: number;
  column?: number;
}

export interface ReportSink {
  report(
    rule: RuleId,
    at: SourcePosition | undefined,
    message: Message,
    fix?: Message,
    edits?: readonly LineEdit[],
  ): void;
}

/** A file of thousands of alike mistakes gets this many findings of one rule, then one that says so. */
export const MAX_FINDINGS_PER_RULE = 50;

/** No message or fix is longer than this, whatever a value in the file or an answer from a host held. */
export const MAX_MESSAGE_LENGTH = 1000;

export function bounded(text: string): string {
  const clean = stripInvisible(text);
  return clean.length > MAX_MESSAGE_LENGTH ? `${clean.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : clean;
}

/** Collects the findings of one file, applying the repository's severity overrides. */
export class FindingCollector implements ReportSink {
  readonly findings: Finding[] = [];
  /** Made at the first finding: most files of a hub have none. */
  private counts: Map<RuleId, number> | undefined;

  constructor(
    private readonly path: string,
    private readonly severities: Readonly<Record<string, SeveritySetting>>,
    /** How many findings of one rule are kept before one that says how many more there are. */
    private readonly perRule: number = MAX_FINDINGS_PER_RULE,
  ) {}

  report(
    rule: RuleId,
    at: SourcePosition | undefined,
    message: Message,
    fix?: Message,
    edits?: readonly LineEdit[],
  ): void {
    const severity = this.severityOf(rule);
    if (severity === 'off') return;
    this.counts ??= new Map();
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    if (count > this.perRule + 1) return;
    if (count === this.perRule + 1) {
      message = msg('finding-overflow.message', { limit: this.perRule, rule });
      fix = msg('finding-overflow.fix');
      edits = undefined;
    }
    const finding: Finding = {
      rule,
      severity,
      path: this.path,
      message: detached(bounded(formatMessage(message, 'en'))),
      // Until the hub's verdict on the file says otherwise (see hub/hub-origin.ts).
      origin: 'stricter',
      i18n:
        fix === undefined
          ? { message: detachedMessage(message) }
          : { message: detachedMessage(message), fix: detachedMessage(fix) },
    };
    if (at) {
      finding.line = at.line;
      if (at.column !== undefined) finding.column = at.column;
    }
    if (fix !== undefined) finding.fix = detached(bounded(formatMessage(fix, 'en')));
    if (edits && edits.length > 0)
      finding.edits = edits.map((edit) => ({
        line: edit.line,
        text: edit.text === null ? null : detached(edit.text),
      }));
    this.findings.push(finding);
  }

  private severityOf(rule: RuleId): SeveritySetting {
    return this.severities[rule] ?? (RULES_BY_ID.get(rule)?.severity as Severity);
  }
}

/** A message whose texts share no memory with the file they were cut from (see detached.ts). */
function detachedMessage(message: Message): Message {
  const params: Record<string, ParamValue> = {};
  const names = Object.keys(message.params);
  for (let index = 0; index < names.length; index++) {
    const name = names[index] as string;
    const value = message.params[name] as ParamValue;
    params[name] =
      typeof value === 'string'
        ? detached(value)
        : Array.isArray(value)
          ? ((value as ReadonlyArray<string | Message>).map((item) =>
              typeof item === 'string' ? detached(item) : detachedMessage(item),
            ) as ParamValue)
          : typeof value === 'object'
            ? detachedMessage(value as Message)
            : value;
  }
  return { id: message.id, params };
}
