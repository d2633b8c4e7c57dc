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
  runs: number;
  inMemoryMiBps: number;
  diskMiBps: number;
  /** Medians over `runs` runs, interleaved with the transport's runs. */
  downloadMiBps: number;
  ratio: number;
  /** The same HTTPS transfer with no hashing: what loopback TLS alone allows on this machine. */
  transportMiBps: number;
  downloadRunsMiBps: number[];
  transportRunsMiBps: number[];
  largeSizeMiB: number;
  /** Median peak RSS of the downloading process over the runs of the large asset. */
  largePeakRssMiB: number;
  largePeakRunsMiB: number[];
  concurrentMiBps: number;
  /** Every digest the bench computed, each checked against the file's own. */
  digestsChecked: number;
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

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
export async function benchDownload(
  sizeMiB = 512,
  largeSizeMiB = 2048,
  runs = 5,
): Promise<DownloadBenchResult> {
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

    const largeDigest = await sha256File(large);
    const quarterDigests = await Promise.all(quarters.map((file) => sha256File(file)));
    const server = await startServer([main, large, ...quarters]);
    try {
      const url = (index: number) => `https://127.0.0.1:${server.port}/${index}`;
      let digestsChecked = 0;
      const checked = (digests: readonly string[], expected: readonly string[]) => {
        expected.forEach((digest, index) => {
          if (digests[index] !== digest)
            throw new Error(`a downloaded digest differs from the file's: ${digests[index]} != ${digest}`);
          digestsChecked++;
        });
      };
      // Interleaved, so that a slower moment of the machine weighs on both alike.
      const transportRuns: number[] = [];
      const downloadRuns: number[] = [];
      for (let run = 0; run < runs; run++) {
        transportRuns.push(sizeMiB / (fetchInChild(url(0)).ms / 1000));
        const single = hashInChild([url(0)]);
        checked(single.digests, [diskDigest]);
        downloadRuns.push(sizeMiB / (single.ms / 1000));
      }
      const largeRuns: number[] = [];
      for (let run = 0; run < runs; run++) {
        const largeRun = hashInChild([url(1)]);
        checked(largeRun.digests, [largeDigest]);
        largeRuns.push(largeRun.maxRssMiB);
      }
      const concurrent = hashInChild([2, 3, 4, 5].map(url));
      checked(concurrent.digests, quarterDigests);
      const downloadMiBps = median(downloadRuns);
      return {
        sizeMiB,
        runs,
        inMemoryMiBps,
        diskMiBps,
        downloadMiBps,
        ratio: downloadMiBps / inMemoryMiBps,
        transportMiBps: median(transportRuns),
        downloadRunsMiBps: downloadRuns,
        transportRunsMiBps: transportRuns,
        largeSizeMiB,
        largePeakRssMiB: median(largeRuns),
        largePeakRunsMiB: largeRuns,
        concurrentMiBps: concurrent.bytes / MIB / (concurrent.ms / 1000),
        digestsChecked,
      };
    } finally {
      server.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
