import type { LinkTarget } from '../../core/audit/audit-targets.js';
import { besideStateFile } from './audit-state-file.js';
import type { RecordCodec } from './record-log.js';
import { ScratchRecordLog } from './scratch-record-log.js';

const TARGET_CODEC: RecordCodec<LinkTarget> = {
  encode: (target) => ({ ...target, expected: [...target.expected] }),
  decode: (json) => {
    const target = json as Omit<LinkTarget, 'expected'> & { expected: string[] };
    return { ...target, expected: new Set(target.expected) };
  },
};

/** Where an audit gathers the links a state file's hub names: beside it, rebuilt at every run. */
export function linkTargetsPath(statePath: string): string {
  return besideStateFile(statePath, 'targets.jsonl');
}

/**
 * An empty file to gather one run's link targets in, a hub file at a time: the links, the digests
 * written for them and the files that name them stay on disk, not on the heap, for the whole audit.
 * However the run ends (finished, stopped or failed), `discard` deletes it; the next run gathers
 * them again.
 */
export function freshLinkTargetsFile(path: string): ScratchRecordLog<LinkTarget> {
  return new ScratchRecordLog<LinkTarget>(path, TARGET_CODEC);
}
