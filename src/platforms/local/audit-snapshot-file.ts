import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditSnapshot } from '../../core/catalog/catalog-audit.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** Where a hub's last finished audit is kept for the hub page: beside its state, by hub key. */
export function auditSnapshotPath(stateDir: string, hub: string): string {
  return join(stateDir, 'audit', `${encodeURIComponent(hub.toLowerCase())}.faults.json`);
}

export function writeAuditSnapshot(path: string, snapshot: AuditSnapshot): void {
  writeFileAtomically(path, `${JSON.stringify(snapshot)}\n`);
}

/** The snapshot, or undefined when there is none yet or it cannot be read (the page then shows none). */
export function readAuditSnapshot(path: string): AuditSnapshot | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as AuditSnapshot;
    return typeof parsed?.finishedAt === 'string' && Array.isArray(parsed.faults) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
