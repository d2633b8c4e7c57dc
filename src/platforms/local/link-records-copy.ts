import type { LinkRecord, LinkRecords } from '../../core/audit/audit-state.js';
import { besideStateFile } from './audit-state-file.js';
import { ScratchRecordLog } from './scratch-record-log.js';

/** Where `serve` keeps its copy of a hub's link records, read from Redis, while it audits the hub. */
export function linkRecordsCopyPath(statePath: string): string {
  return besideStateFile(statePath, 'redis-links.jsonl');
}

/**
 * An empty file for the copy of a hub's link records that the auditing process reads from Redis:
 * the records stay on disk, not on the heap, for the whole audit; `close` deletes the copy.
 */
export function linkRecordsCopy(path: string): LinkRecords & { close(): void } {
  const log = new ScratchRecordLog<LinkRecord>(path);
  return {
    get: (link) => log.get(link),
    set: (link, record) => log.set(link, record),
    keys: () => log.keys(),
    get size() {
      return log.size;
    },
    close: () => log.discard(),
  };
}
