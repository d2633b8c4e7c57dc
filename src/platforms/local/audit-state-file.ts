import { existsSync, readFileSync } from 'node:fs';
import { type AuditState, emptyAuditState } from '../../core/audit/audit-state.js';
import { MshubError } from '../../core/errors.js';
import { writeFileAtomically } from './write-file-atomically.js';

/**
 * An audit's memory in one JSON file: read at the start, written as links are done (at most once a
 * `intervalMs`, and at the end), each time whole or not at all, so a killed audit goes on from there.
 */
export class AuditStateFile {
  private lastWrite = 0;
  /** How many links the last write held: counting them at every save would cost more than the write. */
  private linksWritten = 0;

  constructor(
    readonly path: string,
    private readonly intervalMs = 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  load(): AuditState {
    if (!existsSync(this.path)) return emptyAuditState();
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
    const state = parsed as Partial<AuditState> | null;
    if (state?.version !== 1 || typeof state.links !== 'object' || typeof state.repos !== 'object')
      throw new MshubError(
        'CONFIG_INVALID',
        `${this.path} is not an audit state file of this version; move it away to start afresh.`,
      );
    return { ...emptyAuditState(), ...state } as AuditState;
  }

  /**
   * Writes unless the last write was less than the interval ago; `flush` writes in any case. A large
   * hub's state is written less often (a fifth of a millisecond per link): each write is the whole
   * state, and writing 30,000 links every second would cost more than redoing a few seconds of work.
   */
  save(state: AuditState): void {
    if (this.clock() - this.lastWrite < Math.max(this.intervalMs, this.linksWritten / 5)) return;
    this.flush(state);
  }

  flush(state: AuditState): void {
    writeFileAtomically(this.path, stateText(state));
    this.lastWrite = this.clock();
    this.linksWritten = Object.keys(state.links).length;
  }
}

/** The state as JSON, a link's record at a time: 30,000 links are never one string (nor its garbage). */
function* stateText(state: AuditState): Generator<string> {
  const { links, ...rest } = state;
  yield `${JSON.stringify(rest).slice(0, -1)}${Object.keys(rest).length > 0 ? ',' : ''}"links":{`;
  let first = true;
  for (const link in links) {
    yield `${first ? '' : ','}${JSON.stringify(link)}:${JSON.stringify(links[link])}`;
    first = false;
  }
  yield '}}\n';
}
