import { formatMessage, msg } from '../core/messages/format-message.js';
import type { Language } from '../core/messages/message-spec.js';
import { EXIT } from './exit-codes.js';

/** `1.2.10` after `1.2.9`: numeric parts compared in order; anything else compares as 0. */
export function compareVersions(left: string, right: string): number {
  const parts = (version: string) => version.split(/[.+-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(left), parts(right)];
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * `mshub-review version [--server <url>]`: this copy's version; with --server, also whether it is
 * older than the one the bot at that address publishes (its /cli/version), and how to get that one.
 * The network is used only when asked.
 */
export async function runVersion(
  version: string,
  server: string | undefined,
  io: {
    stdout: { write(text: string): unknown };
    stderr: { write(text: string): unknown };
    language: Language;
  },
  fetchFn: typeof fetch = fetch,
): Promise<number> {
  const t = (message: Parameters<typeof formatMessage>[0]) => formatMessage(message, io.language);
  io.stdout.write(`mshub-review ${version}\n`);
  if (server === undefined) return EXIT.OK;
  let base: URL;
  try {
    base = new URL(server);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('not http(s)');
  } catch {
    io.stderr.write(`${t(msg('cli.version-bad-server', { server }))}\n`);
    return EXIT.USAGE;
  }
  const address = base.href.replace(/\/+$/, '');
  let published: string;
  try {
    const answer = await fetchFn(`${address}/cli/version`, { signal: AbortSignal.timeout(10_000) });
    if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    const body = (await answer.json()) as { version?: unknown };
    // Printed to the terminal: only what a version looks like, never control characters.
    if (typeof body.version !== 'string' || !/^[0-9A-Za-z.+-]{1,40}$/.test(body.version))
      throw new Error('no version in the answer');
    published = body.version;
  } catch (error) {
    const reason = (error as Error).message.slice(0, 200);
    io.stderr.write(`${t(msg('cli.version-unreachable', { server: address, reason }))}\n`);
    return EXIT.USAGE;
  }
  const order = compareVersions(version, published);
  if (order >= 0) {
    io.stdout.write(`${t(msg('cli.version-current', { server: address, published }))}\n`);
    return EXIT.OK;
  }
  const url = `${address}/cli/mshub-review.mjs`;
  io.stdout.write(
    `${t(
      msg('cli.version-older', {
        server: address,
        published,
        curl: `curl -fsSLO ${url}`,
        powershell: `Invoke-WebRequest ${url} -OutFile mshub-review.mjs`,
      }),
    )}\n`,
  );
  return EXIT.OK;
}
