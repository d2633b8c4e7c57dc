import type { Finding } from '../findings.js';
import { msg } from '../messages/format-message.js';
import type { Message } from '../messages/message-spec.js';
import { inCode, q } from '../text/quote.js';
import type { AuditState, LinkRecord } from './audit-state.js';
import type { AuditedFile, AuditTargets, LinkTarget, RepoTarget } from './audit-targets.js';

export type AuditFaultKind =
  | 'asset-dead'
  | 'asset-moved'
  | 'asset-replaced'
  | 'asset-digest-mismatch'
  | 'repo-gone'
  | 'hub-conf-missing'
  | 'hub-conf-create-network'
  | 'hub-rejects';

/** The order faults are listed in: what breaks `mindspore_hub.load()` for everyone first. */
export const FAULT_KINDS: readonly AuditFaultKind[] = [
  'hub-rejects',
  'asset-dead',
  'asset-replaced',
  'asset-digest-mismatch',
  'repo-gone',
  'hub-conf-missing',
  'hub-conf-create-network',
  'asset-moved',
];

/** One thing wrong with one publisher's model(s), and what fixes it. */
export interface AuditFault {
  kind: AuditFaultKind;
  /** Stable while the fault stays the same: a fault is said once, and again only when it changes. */
  key: string;
  publisher: string;
  paths: string[];
  link?: string;
  message: Message;
  fix: Message;
  /** The corrected `asset-link`, where the audit knows it (a moved file with the same bytes). */
  movedTo?: string;
}

const day = (iso: string | undefined) => (iso ?? '').slice(0, 10);

/** The faults the hub has now, by what the audits saw: one per kind, subject and publisher. */
export function auditFaults(targets: AuditTargets, state: AuditState): AuditFault[] {
  const faults: AuditFault[] = [];
  for (const rejected of targets.rejected) faults.push(rejectedFault(rejected));
  for (const target of targets.links.values()) {
    const record = state.links.get(target.link);
    if (record) faults.push(...linkFaults(target, record));
  }
  for (const target of targets.repos.values()) faults.push(...repoFaults(target, state));
  return faults.sort(
    (a, b) =>
      a.publisher.localeCompare(b.publisher) ||
      FAULT_KINDS.indexOf(a.kind) - FAULT_KINDS.indexOf(b.kind) ||
      a.key.localeCompare(b.key),
  );
}

function rejectedFault(file: AuditedFile & { reasons: Finding[] }): AuditFault {
  return {
    kind: 'hub-rejects',
    key: `hub-rejects|${file.path}`,
    publisher: file.publisher,
    paths: [file.path],
    message: msg('audit.hub-rejects', {
      rules: [...new Set(file.reasons.map((finding) => finding.rule))].map((rule) => inCode(rule)),
    }),
    fix: msg('audit.hub-rejects.fix', { path: q(file.path) }),
  };
}

/** One fault per publisher naming the link: each is told about their own files. */
function perPublisher(
  files: readonly AuditedFile[],
  make: (publisher: string, paths: string[]) => AuditFault,
): AuditFault[] {
  const byPublisher = new Map<string, string[]>();
  for (const file of files)
    byPublisher.set(file.publisher, [...(byPublisher.get(file.publisher) ?? []), file.path]);
  return [...byPublisher].map(([publisher, paths]) => make(publisher, paths.sort()));
}

function linkFaults(target: LinkTarget, record: LinkRecord): AuditFault[] {
  const link = target.link;
  const shown = q(link);
  const faults: AuditFault[] = [];
  const add = (kind: AuditFaultKind, subject: string, message: Message, fix: Message, movedTo?: string) =>
    faults.push(
      ...perPublisher(target.files, (publisher, paths) => ({
        kind,
        key: `${kind}|${publisher}|${link}|${subject}`,
        publisher,
        paths,
        link,
        message,
        fix,
        ...(movedTo === undefined ? {} : { movedTo }),
      })),
    );
  if (record.state === 'dead') {
    add(
      'asset-dead',
      '',
      msg('audit.asset-dead', {
        link: shown,
        reason: q(record.reason ?? ''),
        seen: record.lastAliveAt ? 'yes' : 'no',
        date: day(record.lastAliveAt),
      }),
      msg('audit.asset-dead.fix'),
    );
    return faults;
  }
  if (record.state !== 'alive') return faults;
  const matches = record.sha256 === undefined ? undefined : target.expected.has(record.sha256);
  if (record.movedTo !== undefined)
    add(
      'asset-moved',
      record.movedTo,
      msg('audit.asset-moved', {
        link: shown,
        target: q(record.movedTo),
        same: matches === undefined ? 'unknown' : matches ? 'yes' : 'no',
      }),
      matches === true
        ? msg('audit.asset-moved.fix', { target: inCode(record.movedTo) })
        : msg('audit.asset-moved.fix-check'),
      matches === true ? record.movedTo : undefined,
    );
  if (matches !== false || record.sha256 === undefined) return faults;
  if (record.replaced && target.expected.has(record.replaced.sha256))
    add(
      'asset-replaced',
      record.sha256,
      msg('audit.asset-replaced', {
        link: shown,
        before: inCode(record.replaced.sha256),
        after: inCode(record.sha256),
        date: day(record.replaced.seenAt),
      }),
      msg('audit.asset-replaced.fix', { after: inCode(record.sha256) }),
    );
  else
    add(
      'asset-digest-mismatch',
      record.sha256,
      msg('audit.asset-digest', {
        link: shown,
        actual: inCode(record.sha256),
        expected: [...target.expected].sort().map((digest) => inCode(digest)),
      }),
      msg('audit.asset-digest.fix', { actual: inCode(record.sha256) }),
    );
  return faults;
}

function repoFaults(target: RepoTarget, state: AuditState): AuditFault[] {
  const record = state.repos[target.key];
  if (!record || record.state === 'ok' || record.state === 'unknown') return [];
  const where = q(
    `${target.link.host}/${target.link.owner}/${target.link.repo}${target.link.path ? `/${target.link.path}` : ''}`,
  );
  const [message, fix] =
    record.state === 'repo-gone'
      ? [msg('audit.repo-gone', { repo: where, reason: q(record.reason ?? '') }), msg('audit.repo-gone.fix')]
      : record.state === 'conf-missing'
        ? [msg('audit.hub-conf-missing', { repo: where }), msg('audit.hub-conf-missing.fix')]
        : [msg('audit.hub-conf-create-network', { repo: where }), msg('audit.hub-conf-create-network.fix')];
  const kind: AuditFaultKind =
    record.state === 'repo-gone'
      ? 'repo-gone'
      : record.state === 'conf-missing'
        ? 'hub-conf-missing'
        : 'hub-conf-create-network';
  return perPublisher(target.files, (publisher, paths) => ({
    kind,
    key: `${kind}|${publisher}|${target.key}`,
    publisher,
    paths,
    message,
    fix,
  }));
}

/** Which faults are new since the last report, which were said before, and which have ended. */
export interface FaultChanges {
  fresh: AuditFault[];
  ongoing: AuditFault[];
  /** Keys said before that no fault has now: fixed, or the link came back. */
  ended: string[];
  said: Record<string, string>;
}

export function compareWithSaid(
  faults: readonly AuditFault[],
  said: Record<string, string>,
  now: Date,
): FaultChanges {
  const next: Record<string, string> = {};
  const fresh: AuditFault[] = [];
  const ongoing: AuditFault[] = [];
  for (const fault of faults) {
    const first = said[fault.key];
    next[fault.key] = first ?? now.toISOString();
    (first === undefined ? fresh : ongoing).push(fault);
  }
  const ended = Object.keys(said)
    .filter((key) => next[key] === undefined)
    .sort();
  return { fresh, ongoing, ended, said: next };
}
