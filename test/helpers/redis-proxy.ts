import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of the test Redis that a test can take away: `stop()` refuses connections
 * (as a Redis that is down), `freeze()` accepts them and forwards nothing (as a Redis stopped with
 * SIGSTOP, or a network that drops packets). The shared Redis itself is never touched.
 */
export class RedisProxy {
  private server: Server | undefined;
  private readonly pairs = new Set<[Socket, Socket]>();
  /** While frozen, what each socket sent waits here, in order. */
  private readonly held: { to: Socket; chunk: Buffer }[] = [];
  private frozen = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  static forUrl(url: string): RedisProxy {
    const parsed = new URL(url);
    return new RedisProxy({ host: parsed.hostname, port: Number(parsed.port || 6379) });
  }

  /** The Redis URL through this relay, with the database of `url`. */
  urlFor(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async start(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      this.relay(client, upstream);
      this.relay(upstream, client);
      const drop = () => {
        this.pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Connections are refused, and those open are cut. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Bytes stop moving in both directions, on open connections and new ones; nothing is closed. */
  freeze(): void {
    this.frozen = true;
  }

  /** What was sent meanwhile arrives, in order, as a thawed Redis would answer it. */
  thaw(): void {
    this.frozen = false;
    for (const { to, chunk } of this.held.splice(0)) if (!to.destroyed) to.write(chunk);
  }

  private relay(from: Socket, to: Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (this.frozen) this.held.push({ to, chunk });
      else to.write(chunk);
    });
  }
}
