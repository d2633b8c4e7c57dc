import type { AuditSnapshot } from '../catalog/catalog-audit.js';
import { formatMessage, msg } from '../messages/format-message.js';
import type { Language } from '../messages/message-spec.js';
import { inCode, q } from '../text/quote.js';
import { type AuditFault, type AuditFaultKind, compareWithSaid, FAULT_KINDS } from './audit-faults.js';

export interface AuditTotals {
  files: number;
  links: number;
  dead: number;
  unknown: number;
  hashed: number;
  hashedBytes: number;
  repos: number;
}

/** What one audit found, split into what is new, what was said before, and what has ended. */
export interface AuditReport {
  runId: string;
  finishedAt: string;
  totals: AuditTotals;
  fresh: AuditFault[];
  ongoing: AuditFault[];
  ended: string[];
}

export function buildAuditReport(
  faults: readonly AuditFault[],
  said: Record<string, string>,
  totals: AuditTotals,
  run: { id: string; finishedAt: Date },
): { report: AuditReport; said: Record<string, string> } {
  const changes = compareWithSaid(faults, said, run.finishedAt);
  return {
    report: {
      runId: run.id,
      finishedAt: run.finishedAt.toISOString(),
      totals,
      fresh: changes.fresh,
      ongoing: changes.ongoing,
      ended: changes.ended,
    },
    said: changes.said,
  };
}

const faultCount = (report: AuditReport) => report.fresh.length + report.ongoing.length;

function summaryLine(report: AuditReport, language: Language): string {
  const { totals } = report;
  return formatMessage(
    msg('audit.summary', {
      files: totals.files,
      links: totals.links,
      dead: totals.dead,
      unknown: totals.unknown,
      hashed: totals.hashed,
      faults: faultCount(report),
    }),
    language,
  );
}

/** A key's kind and subject, for a fault that has ended (its message went with it). */
function endedLine(key: string): string {
  const [kind = '', publisher = '', ...subject] = key.split('|');
  return `${inCode(kind)} ${q(publisher)} ${q(subject.filter((part) => part !== '').join(' '))}`;
}

function byPublisher(faults: readonly AuditFault[]): Map<string, AuditFault[]> {
  const groups = new Map<string, AuditFault[]>();
  for (const fault of faults) groups.set(fault.publisher, [...(groups.get(fault.publisher) ?? []), fault]);
  return groups;
}

function kindOrder(a: AuditFaultKind, b: AuditFaultKind): number {
  return FAULT_KINDS.indexOf(a) - FAULT_KINDS.indexOf(b);
}

/** The faults by file, in English, for the hub page: each model shows what concerns its own file. */
export function auditSnapshot(report: AuditReport): AuditSnapshot {
  return {
    finishedAt: report.finishedAt,
    faults: [...report.fresh, ...report.ongoing].flatMap((fault) =>
      fault.paths.map((path) => ({ path, kind: fault.kind, message: formatMessage(fault.message, 'en') })),
    ),
  };
}

/** For a terminal: the summary, then each section by publisher, each fault with its files and fix. */
export function renderAuditText(report: AuditReport, language: Language): string {
  const t = (message: Parameters<typeof formatMessage>[0]) => formatMessage(message, language);
  const lines = [
    t(msg('audit.title', { date: report.finishedAt.slice(0, 10) })),
    summaryLine(report, language),
  ];
  const section = (title: string, faults: readonly AuditFault[]) => {
    if (faults.length === 0) return;
    lines.push('', `${title}:`);
    for (const [publisher, group] of byPublisher(faults)) {
      lines.push(`  ${t(msg('audit.publisher', { publisher: inCode(publisher) }))}`);
      for (const fault of [...group].sort((a, b) => kindOrder(a.kind, b.kind))) {
        lines.push(`    ✖ ${fault.kind}: ${t(fault.message)}`);
        lines.push(`      ${t(msg('audit.files', { paths: fault.paths }))}`);
        lines.push(`      ${t(msg('report.text-fix'))} ${t(fault.fix)}`);
      }
    }
  };
  section(t(msg('audit.section-new')), report.fresh);
  section(t(msg('audit.section-ongoing')), report.ongoing);
  if (report.ended.length > 0) {
    lines.push('', `${t(msg('audit.section-ended'))}:`);
    for (const key of report.ended) lines.push(`  ✔ ${endedLine(key)}`);
  }
  if (report.totals.links > 0 && report.totals.unknown === report.totals.links)
    lines.push('', t(msg('audit.offline-note')));
  else if (report.totals.unknown > 0)
    lines.push('', t(msg('audit.unknown-note', { count: report.totals.unknown })));
  return `${lines.join('\n')}\n`;
}

/** For an issue or a page: the same, as markdown, grouped by publisher and by kind of fault. */
export function renderAuditMarkdown(report: AuditReport, language: Language): string {
  const t = (message: Parameters<typeof formatMessage>[0]) => formatMessage(message, language);
  const lines = [
    `## ${t(msg('audit.title', { date: report.finishedAt.slice(0, 10) }))}`,
    '',
    summaryLine(report, language),
  ];
  const section = (title: string, faults: readonly AuditFault[]) => {
    if (faults.length === 0) return;
    lines.push('', `### ${title}`);
    for (const [publisher, group] of byPublisher(faults)) {
      lines.push('', `#### ${t(msg('audit.publisher', { publisher: q(publisher) }))}`, '');
      for (const fault of [...group].sort((a, b) => kindOrder(a.kind, b.kind)))
        lines.push(
          `- **${fault.kind}**: ${t(fault.message)} ${t(msg('audit.files', { paths: fault.paths.map((path) => `\`${inCode(path)}\``) }))}`,
          `  ${t(msg('report.text-fix'))} ${t(fault.fix)}`,
        );
    }
  };
  section(t(msg('audit.section-new')), report.fresh);
  section(t(msg('audit.section-ongoing')), report.ongoing);
  if (report.ended.length > 0) {
    lines.push('', `### ${t(msg('audit.section-ended'))}`, '');
    for (const key of report.ended) lines.push(`- ${endedLine(key)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One JSON object: the totals, and every fault with whether it is new, in the language asked for. */
export function renderAuditJson(report: AuditReport, language: Language): string {
  const fault = (item: AuditFault, status: 'new' | 'ongoing') => ({
    kind: item.kind,
    status,
    publisher: item.publisher,
    paths: item.paths,
    ...(item.link === undefined ? {} : { link: item.link }),
    ...(item.movedTo === undefined ? {} : { movedTo: item.movedTo }),
    message: formatMessage(item.message, language),
    fix: formatMessage(item.fix, language),
    key: item.key,
  });
  return `${JSON.stringify(
    {
      run: report.runId,
      finishedAt: report.finishedAt,
      totals: report.totals,
      faults: [
        ...report.fresh.map((item) => fault(item, 'new')),
        ...report.ongoing.map((item) => fault(item, 'ongoing')),
      ],
      ended: report.ended,
    },
    null,
    2,
  )}\n`;
}
