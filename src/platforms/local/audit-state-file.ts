import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type AuditRun,
  type AuditState,
  emptyAuditState,
  type LinkRecord,
} from '../../core/audit/audit-state.js';
import { MshubError } from '../../core/errors.js';
import { RecordLog } from './record-log.js';
import { writeFileAtomically } from './write-file-atomically.js';

/** A file kept beside a state file: `audit-state.json` with `links.jsonl` → `audit-state.links.jsonl`. */
export function besideStateFile(statePath: string, suffix: string): string {
  return `${statePath.replace(/\.json$/, '')}.${suffix}`;
}

/** Where a state file's link records are kept. */
export function linkRecordsPath(path: string): string {
  return besideStateFile(path, 'links.jsonl');
}

/** Where `serve` keeps the audit of one hub: `<stateDir>/audit/<hub>.json`, its logs beside it. */
export function hubAuditStatePath(stateDir: string, hub: string): string {
  return join(stateDir, 'audit', `${encodeURIComponent(hub)}.json`);
}

/**
 * An audit's memory in two files. Each link's record is one line appended to a log as the link is
 * done (`RecordLog`: only where each line starts is held in memory, so 30,000 links cost the audit
 * almost nothing, and a killed audit loses no link it finished). The rest (the run, the source
 * folders, the faults said) is one small JSON file, rewritten whole or not at all, at most once an
 * `intervalMs` and at the end. A state file of the earlier single-file form is read and moved over.
 */
export class AuditStateFile {
  private lastWrite = 0;
  private writtenHeader = '';
  private records: RecordLog<LinkRecord> | undefined;

  constructor(
    readonly path: string,
    private readonly intervalMs = 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  get linksPath(): string {
    return linkRecordsPath(this.path);
  }

  load(): AuditState {
    this.records?.close();
    const state = this.readHeader();
    if (state === undefined) {
      // Records without the file that names their run belong to no audit this file knows of.
      rmSync(this.linksPath, { force: true });
      this.records = new RecordLog<LinkRecord>(this.linksPath);
      return { ...emptyAuditState(), links: this.records };
    }
    const { links } = state;
    if (typeof links === 'string') this.records = new RecordLog<LinkRecord>(this.linksPath);
    else {
      // The single-file form: its records go to the log, and the file names the log from now on.
      rmSync(this.linksPath, { force: true });
      this.records = new RecordLog<LinkRecord>(this.linksPath);
      for (const [link, record] of Object.entries(links as Record<string, LinkRecord>))
        this.records.set(link, record);
    }
    const loaded: AuditState = { ...emptyAuditState(), ...state, links: this.records } as AuditState;
    if (typeof links !== 'string') this.flush(loaded);
    return loaded;
  }

  /** The last run alone, without opening the log of link records. */
  lastRun(): AuditRun | undefined {
    return this.readHeader()?.run;
  }

  /** Writes what is not in the log yet unless the last write was less than the interval ago. */
  save(state: AuditState): void {
    if (this.clock() - this.lastWrite < this.intervalMs) return;
    this.writeHeader(state);
  }

  /** Writes at once, drops the log's replaced lines when they outnumber the live ones, and lets the files go. */
  flush(state: AuditState): void {
    this.writeHeader(state);
    if (state.links === this.records) {
      this.records.compactIfWasteful();
      this.records.close();
    }
  }

  /** Lets the log go, however the audit ended; the next read or write opens it again. */
  close(): void {
    this.records?.close();
  }

  /** The state file as written (its `links` names the log, or holds the records in the earlier form). */
  private readHeader(): (Omit<AuditState, 'links'> & { links: unknown }) | undefined {
    if (!existsSync(this.path)) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      throw new MshubError(
        'CONFIG_INVALID',
        `${this.path} is not an audit state file (${(error as Error).message}); move it away to start afresh.`,
        { cause: error },
      );
    }
    const state = parsed as (Omit<Partial<AuditState>, 'links'> & { links?: unknown }) | null;
    const links = state?.links;
    if (
      state?.version !== 1 ||
      (typeof links !== 'string' && (typeof links !== 'object' || links === null)) ||
      typeof state.repos !== 'object'
    )
      throw new MshubError(
        'CONFIG_INVALID',
        `${this.path} is not an audit state file of this version; move it away to start afresh.`,
      );
    return state as Omit<AuditState, 'links'> & { links: unknown };
  }

  private writeHeader(state: AuditState): void {
    this.lastWrite = this.clock();
    if (state.links !== this.records) {
      // Records kept elsewhere (a state built in memory) replace the log before the file names it.
      this.records?.close();
      rmSync(this.linksPath, { force: true });
      const log = new RecordLog<LinkRecord>(this.linksPath);
      for (const link of state.links.keys()) {
        const record = state.links.get(link);
        if (record !== undefined) log.set(link, record);
      }
      this.records = log;
      state.links = log;
    }
    const { links: _, ...rest } = state;
    const header = `${JSON.stringify({ ...rest, links: basename(this.linksPath) })}\n`;
    if (header === this.writtenHeader) return;
    writeFileAtomically(this.path, header);
    this.writtenHeader = header;
  }
}
