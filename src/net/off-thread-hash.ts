import { Worker } from 'node:worker_threads';

/** SHA-256 over a stream of chunks; `update` returns a promise only when the caller must wait. */
export interface StreamHash {
  update(chunk: Uint8Array): Promise<void> | undefined;
  digest(): Promise<string>;
  close(): void;
}

const BATCH_BYTES = 1024 * 1024;
const MAX_BATCHES_IN_FLIGHT = 4;

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
let hash = createHash('sha256');
parentPort.on('message', (message) => {
  if (message.type === 'data') {
    hash.update(new Uint8Array(message.buffer, 0, message.length));
    parentPort.postMessage({ type: 'ack', buffer: message.buffer }, [message.buffer]);
  } else if (message.type === 'digest') {
    parentPort.postMessage({ type: 'digest', hex: hash.digest('hex') });
    hash = createHash('sha256');
  }
});`;

/**
 * Hashes on a worker thread, so that receiving (TLS, HTTP) and hashing run on two cores. Chunks are
 * copied into 1 MiB batches whose memory moves to the worker and back; at most four batches are in
 * flight, so a slow hash slows the download instead of filling memory.
 */
export class OffThreadHash implements StreamHash {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly spare: ArrayBuffer[] = [];
  private batch = new Uint8Array(new ArrayBuffer(BATCH_BYTES));
  private filled = 0;
  private inFlight = 0;
  private waiting: (() => void) | undefined;
  private digestWaiter: ((hex: string) => void) | undefined;
  private failure: Error | undefined;

  constructor() {
    this.worker.on('message', (message: { type: string; buffer?: ArrayBuffer; hex?: string }) => {
      if (message.type === 'ack' && message.buffer) {
        this.inFlight--;
        this.spare.push(message.buffer);
        this.waiting?.();
        this.waiting = undefined;
      } else if (message.type === 'digest') {
        this.digestWaiter?.(message.hex ?? '');
      }
    });
    this.worker.on('error', (error) => {
      this.failure = error;
      this.waiting?.();
    });
  }

  update(chunk: Uint8Array): Promise<void> | undefined {
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(chunk.length - offset, BATCH_BYTES - this.filled);
      this.batch.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === BATCH_BYTES) this.send();
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.inFlight < MAX_BATCHES_IN_FLIGHT) return undefined;
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  async digest(): Promise<string> {
    if (this.filled > 0) this.send();
    if (this.failure) throw this.failure;
    return new Promise((resolve) => {
      this.digestWaiter = resolve;
      this.worker.postMessage({ type: 'digest' });
    });
  }

  close(): void {
    void this.worker.terminate();
  }

  private send(): void {
    const { buffer } = this.batch;
    this.worker.postMessage({ type: 'data', buffer, length: this.filled }, [buffer as ArrayBuffer]);
    this.inFlight++;
    this.batch = new Uint8Array(this.spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
    this.filled = 0;
  }
}
