import { rmSync } from 'node:fs';
import type { LinkTarget } from '../../core/audit/audit-targets.js';
import { besideStateFile } from './audit-state-file.js';
import { type RecordCodec, RecordLog } from './record-log.js';

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
 */
export function freshLinkTargetsFile(path: string): RecordLog<LinkTarget> {
  rmSync(path, { force: true });
  return new RecordLog<LinkTarget>(path, TARGET_CODEC);
}

/** The run is over (finished, stopped or failed): its gathered links go; the next run gathers them again. */
export function discardLinkTargetsFile(file: RecordLog<LinkTarget>): void {
  file.close();
  rmSync(file.path, { force: true });
}
