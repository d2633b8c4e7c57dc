import { rmSync } from 'node:fs';
import { type RecordCodec, RecordLog } from './record-log.js';

/** A record log that lives for one run: empty when made, its file deleted when discarded. */
export class ScratchRecordLog<T> extends RecordLog<T> {
  constructor(path: string, codec?: RecordCodec<T>) {
    rmSync(path, { force: true });
    super(path, codec);
  }

  discard(): void {
    this.close();
    rmSync(this.path, { force: true });
  }
}
