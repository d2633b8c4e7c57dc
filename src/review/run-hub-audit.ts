import { auditFaults } from '../core/audit/audit-faults.js';
import { auditIssueBody, auditIssueTitle } from '../core/audit/audit-issue.js';
import { type AuditReport, buildAuditReport } from '../core/audit/audit-report.js';
import type { AuditState } from '../core/audit/audit-state.js';
import { auditTargetsCollector, type LinkTargets } from '../core/audit/audit-targets.js';
import type { CommentLanguage } from '../core/report/review-report.js';
import type { RulesConfig } from '../core/rules/rules-config.js';
import type { AssetFileResult } from '../core/validate-asset-file.js';
import { type AuditAdapters, type AuditOptions, auditHub } from './audit-hub.js';
import { type IssueTracker, type IssueWrite, upsertAuditIssue } from './audit-issue.js';

/** Where an audit keeps its state between links (`save`, which may write less often) and runs (`flush`). */
export interface HubAuditStore {
  save(state: AuditState): void | Promise<void>;
  flush(state: AuditState): void | Promise<void>;
  /** A record that workers already wrote where this store keeps it: not to be written again. */
  adopt?(link: string): void;
}

export interface HubAuditInput {
  /** Every asset file of the hub, checked; read once, a file at a time. */
  results: Iterable<AssetFileResult>;
  /** Where the links the files name are gathered: a `Map` unless a store off the heap is given. */
  targets?: LinkTargets;
  rules: RulesConfig;
  state: AuditState;
  store: HubAuditStore;
  adapters: Omit<AuditAdapters, 'save' | 'adopt'>;
  options: AuditOptions;
  /** The tracking issue to keep up to date, in the hub's language. */
  issue?: { tracker: IssueTracker; language: CommentLanguage };
}

export type HubAuditOutcome =
  | { finished: false }
  | { finished: true; report: AuditReport; issue?: IssueWrite };

/**
 * One audit of a hub, the same from the command line and on a schedule: the links and folders, the
 * report of what changed, the tracking issue, and only then the faults marked as said.
 */
export async function runHubAudit(input: HubAuditInput): Promise<HubAuditOutcome> {
  const { state, store } = input;
  const collector = auditTargetsCollector(input.rules, input.targets);
  for (const result of input.results) collector.add(result);
  const { targets } = collector;
  const { totals, finished } = await auditHub(
    targets,
    state,
    {
      ...input.adapters,
      save: (current) => store.save(current),
      adopt: (link) => store.adopt?.(link),
    },
    input.options,
  );
  if (!finished) {
    await store.flush(state);
    return { finished: false };
  }
  const { report, said } = buildAuditReport(auditFaults(targets, state), state.said, totals, {
    id: state.run?.id ?? '',
    finishedAt: input.adapters.now(),
  });
  const issue = input.issue
    ? await upsertAuditIssue(
        input.issue.tracker,
        auditIssueTitle(input.issue.language),
        auditIssueBody(report, input.issue.language),
      )
    : undefined;
  // Said once: only when the report reached where it goes.
  state.said = said;
  await store.flush(state);
  return { finished: true, report, ...(issue ? { issue } : {}) };
}
