import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { sha256File } from '../src/platforms/local/sha256-file.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const CERT = join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem');
const KEY = join(REPO_ROOT, 'test/fixtures/tls/loopback-key.pem');
const MIB = 1024 * 1024;

export interface DownloadBenchResult {
  sizeMiB: number;
  inMemoryMiBps: number;
  diskMiBps: number;
  downloadMiBps: number;
  ratio: number;
  /** The same HTTPS transfer with no hashing: what loopback TLS alone allows on this machine. */
  transportMiBps: number;
  largeSizeMiB: number;
  largePeakRssMiB: number;
  concurrentMiBps: number;
}

function writeRandomFile(path: string, sizeMiB: number): void {
  const chunk = Buffer.alloc(MIB);
  const fd = openSync(path, 'w');
  for (let written = 0; written < sizeMiB; written++) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
}

async function startServer(files: string[]): Promise<{ port: number; stop: () => void }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bench/serve-files.mjs'), CERT, KEY, ...files], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((done) =>
    createInterface({ input: child.stdout }).once('line', done),
  );
  return { port: Number(line), stop: () => child.kill('SIGTERM') };
}

function fetchInChild(url: string): { ms: number; bytes: number } {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bench/fetch-url-child.mjs'), CERT, url], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`transport child failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

function hashInChild(urls: string[]): { ms: number; bytes: number; digests: string[]; maxRssMiB: number } {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bench/hash-url-child.mjs'), CERT, ...urls], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`download child failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The ceiling: SHA-256 of a buffer already in memory, on this CPU. */
function hashInMemory(sizeMiB: number): number {
  const buffer = randomFillSync(Buffer.alloc(sizeMiB * MIB));
  const started = performance.now();
  createHash('sha256').update(buffer).digest('hex');
  return sizeMiB / ((performance.now() - started) / 1000);
}

/**
 * The guarded streamed download against the in-memory hashing ceiling, on loopback from a second
 * process; peak RSS of the downloading process for a large asset; four assets at once.
 */
export async function benchDownload(sizeMiB = 512, largeSizeMiB = 2048): Promise<DownloadBenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'mshub-bench-'));
  try {
    const main = join(folder, 'asset.bin');
    const large = join(folder, 'large.bin');
    const quarters = [0, 1, 2, 3].map((index) => join(folder, `part-${index}.bin`));
    writeRandomFile(main, sizeMiB);
    writeRandomFile(large, largeSizeMiB);
    for (const file of quarters) writeRandomFile(file, sizeMiB / 4);

    const inMemoryMiBps = hashInMemory(sizeMiB);

    const started = performance.now();
    const diskDigest = await sha256File(main);
    const diskMiBps = sizeMiB / ((performance.now() - started) / 1000);

    const server = await startServer([main, large, ...quarters]);
    try {
      const url = (index: number) => `https://127.0.0.1:${server.port}/${index}`;
      const transport = fetchInChild(url(0));
      const single = hashInChild([url(0)]);
      if (single.digests[0] !== diskDigest)
        throw new Error('the downloaded digest differs from the file digest');
      const largeRun = hashInChild([url(1)]);
      const concurrent = hashInChild([2, 3, 4, 5].map(url));
      const downloadMiBps = sizeMiB / (single.ms / 1000);
      return {
        sizeMiB,
        inMemoryMiBps,
        diskMiBps,
        downloadMiBps,
        ratio: downloadMiBps / inMemoryMiBps,
        transportMiBps: sizeMiB / (transport.ms / 1000),
        largeSizeMiB,
        largePeakRssMiB: largeRun.maxRssMiB,
        concurrentMiBps: concurrent.bytes / MIB / (concurrent.ms / 1000),
      };
    } finally {
      server.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
