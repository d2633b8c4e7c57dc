import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const CERT = join(REPO_ROOT, 'test/fixtures/tls/loopback-cert.pem');
const KEY = join(REPO_ROOT, 'test/fixtures/tls/loopback-key.pem');

/** Of every 100 links: what each kind costs in requests' delays on a conditional run. */
const MIX: ReadonlyArray<[kind: string, per100: number]> = [
  ['ok', 90],
  ['dead', 3],
  ['moved', 2],
  ['replaced', 2],
  ['slow', 2],
  ['liar', 1],
];

export interface AuditRunResult {
  ms: number;
  peakMiB: number;
  /** The heap after a full collection at the end of the run: what the audit holds, not its garbage. */
  retainedMiB: number;
  states: Record<string, number>;
  replaced: number;
  mismatched: number;
}

export interface AuditBenchResult {
  links: number;
  hosts: number;
  perHost: number;
  delayMs: number;
  first: AuditRunResult;
  conditional: AuditRunResult;
  /** What the per-host limits allow the conditional run: the busiest host's delays over its requests at once. */
  allowedMs: number;
  small: { links: number; peakMiB: number; retainedMiB: number };
}

export function linksOf(ports: readonly number[], count: number): string[] {
  const links: string[] = [];
  const kinds = MIX.flatMap(([kind, per100]) => Array<string>(per100).fill(kind));
  for (let index = 0; index < count; index++) {
    const port = ports[index % ports.length];
    links.push(`https://127.0.0.1:${port}/${kinds[index % kinds.length]}/${index}`);
  }
  return links;
}

/** The conditional run's delays on the busiest host: a HEAD each, two for a move, a download more for a replaced file. */
function allowedMs(links: readonly string[], perHost: number, delayMs: number): number {
  const cost: Record<string, number> = { ok: 1, dead: 1, moved: 2, replaced: 2, slow: 4, liar: 1 };
  const byHost = new Map<string, number>();
  for (const link of links) {
    const url = new URL(link);
    const kind = url.pathname.split('/')[1] ?? 'ok';
    byHost.set(url.host, (byHost.get(url.host) ?? 0) + (cost[kind] ?? 1) * delayMs);
  }
  return Math.max(...byHost.values()) / perHost;
}

function auditRun(links: readonly string[], state: string, perHost: number, hash: boolean): AuditRunResult {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', join(REPO_ROOT, 'bench/audit-child.mjs'), CERT, state, String(perHost), hash ? '1' : '0'],
    { input: `${links.join('\n')}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`audit child failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/**
 * A simulated hub of `count` links on `hosts` loopback hosts answering after `delayMs`: a first, full
 * run (every link hashed), then a conditional one after some files were replaced. The conditional run
 * is compared with what the per-host limits allow; its peak RSS with that of a tenth of the links.
 */
export async function benchAudit(
  count = 30_000,
  hosts = 10,
  perHost = 4,
  delayMs = 25,
): Promise<AuditBenchResult> {
  const folder = mkdtempSync(join(tmpdir(), 'mshub-audit-bench-'));
  const server = spawn(
    process.execPath,
    [join(REPO_ROOT, 'bench/audit-hub-server.mjs'), CERT, KEY, String(hosts), String(delayMs)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: server.stdout });
  const nextLine = () => new Promise<string>((done) => lines.once('line', done));
  try {
    const ports = JSON.parse(await nextLine()) as number[];
    const links = linksOf(ports, count);
    const small = linksOf(ports, count / 10);
    const state = join(folder, 'audit-state.json');
    const smallState = join(folder, 'small-state.json');
    const first = auditRun(links, state, perHost, true);
    auditRun(small, smallState, perHost, true);
    // Some files replaced behind their links.
    server.stdin.write('phase 2\n');
    await nextLine();
    const conditional = auditRun(links, state, perHost, true);
    const smallConditional = auditRun(small, smallState, perHost, true);
    return {
      links: count,
      hosts,
      perHost,
      delayMs,
      first,
      conditional,
      allowedMs: allowedMs(links, perHost, delayMs),
      small: {
        links: small.length,
        peakMiB: smallConditional.peakMiB,
        retainedMiB: smallConditional.retainedMiB,
      },
    };
  } finally {
    server.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}
