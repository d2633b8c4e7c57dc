import type { Finding, Severity, SeveritySetting } from './findings.js';
import { RULES_BY_ID, type RuleId } from './rules/rule-catalog.js';
import { detached } from './text/detached.js';

export interface SourcePosition {
  line: number;
  column?: number;
}

export interface ReportSink {
  report(rule: RuleId, at: SourcePosition | undefined, message: string, fix?: string): void;
}

/** Collects the findings of one file, applying the repository's severity overrides. */
export class FindingCollector implements ReportSink {
  readonly findings: Finding[] = [];

  constructor(
    private readonly path: string,
    private readonly severities: Readonly<Record<string, SeveritySetting>>,
  ) {}

  report(rule: RuleId, at: SourcePosition | undefined, message: string, fix?: string): void {
    const severity = this.severityOf(rule);
    if (severity === 'off') return;
    const finding: Finding = { rule, severity, path: this.path, message: detached(message) };
    if (at) {
      finding.line = at.line;
      if (at.column !== undefined) finding.column = at.column;
    }
    if (fix !== undefined) finding.fix = detached(fix);
    this.findings.push(finding);
  }

  private severityOf(rule: RuleId): SeveritySetting {
    return this.severities[rule] ?? (RULES_BY_ID.get(rule)?.severity as Severity);
  }
}
