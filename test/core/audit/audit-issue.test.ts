import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditFaults } from '../../../src/core/audit/audit-faults.js';
import { AUDIT_ISSUE_MARKER, auditIssueBody } from '../../../src/core/audit/audit-issue.js';
import { buildAuditReport } from '../../../src/core/audit/audit-report.js';
import { emptyAuditState } from '../../../src/core/audit/audit-state.js';
import type { AuditTargets } from '../../../src/core/audit/audit-targets.js';

const TOTALS = { files: 1, links: 1, dead: 1, unknown: 0, hashed: 0, hashedBytes: 0, repos: 0 };

function reportWith(publisher: string, link: string, reason: string, count = 1) {
  const targets: AuditTargets = { links: new Map(), repos: new Map(), rejected: [], files: count };
  const state = emptyAuditState();
  for (let index = 0; index < count; index++) {
    const each = `${link}${index}`;
    targets.links.set(each, {
      link: each,
      expected: new Set(['a'.repeat(64)]),
      files: [{ path: `mshub_res/assets/${publisher}/2.5/m${index}.md`, publisher }],
    });
    state.links.set(each, { state: 'dead', checkedAt: '2026-12-01T00:00:00Z', reason, run: 'r' });
  }
  return buildAuditReport(auditFaults(targets, state), {}, TOTALS, {
    id: 'r',
    finishedAt: new Date('2026-12-07T00:00:00Z'),
  }).report;
}

describe('the tracking issue', () => {
  it('keeps what a hub file or a server says inside code spans: no mention, no HTML, no link', () => {
    const body = auditIssueBody(
      reportWith(
        '@mindspore-team',
        'https://x.example/<img src=x onerror=alert(1)>',
        'redirected to [click](https://evil) @admin',
      ),
      'en',
    );
    const outsideCode = body.replace(/`[^`\n]*`/g, '');
    assert.doesNotMatch(outsideCode, /@mindspore-team|@admin|<img|\[click\]/);
    assert.ok(body.startsWith(`${AUDIT_ISSUE_MARKER}\n`));
  });

  it('stays within the limit, cut at a line and saying so, when the hub has very many faults', () => {
    const body = auditIssueBody(
      reportWith('alice', 'https://x.example/m', 'the server answered HTTP 404', 2000),
      'zh+en',
      20_000,
    );
    assert.ok(body.length <= 20_000, String(body.length));
    assert.match(body, /运行 `mshub-review audit` 查看全部。\n$/);
    assert.ok(body.startsWith(`${AUDIT_ISSUE_MARKER}\n`));
  });
});

describe('the audit report, offline', () => {
  it('says the machine may be offline when no link answered, instead of reporting links dead', async () => {
    const { renderAuditText } = await import('../../../src/core/audit/audit-report.js');
    const { report } = buildAuditReport(
      [],
      {},
      { files: 3, links: 3, dead: 0, unknown: 3, hashed: 0, hashedBytes: 0, repos: 0 },
      { id: 'r', finishedAt: new Date('2026-12-07T00:00:00Z') },
    );
    assert.match(renderAuditText(report, 'en'), /No link answered at all: this machine may be offline/);
  });
});
