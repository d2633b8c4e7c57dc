// A simulated hub's asset hosts for `npm run bench`: `hosts` HTTPS servers on loopback (each port is a
// host to the audit), answering every request after `delayMs`. A link's kind is in its path:
// /ok/<i>, /dead/<i> (404), /moved/<i> (301 to /ok/<i>), /replaced/<i> (new bytes and ETag once
// `phase 2` is written to its stdin), /slow/<i> (four times the delay), /liar/<i> (HEAD says a length the body
// does not have). `stats` on its stdin prints the most requests each host had at once, and resets
// the count. Usage: node bench/audit-hub-server.mjs <cert> <key> <hosts> <delayMs>; prints the ports.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';

const [cert, key, hostCount, delay] = process.argv.slice(2);
const delayMs = Number(delay);
let phase = 1;

function assetBytes(index, version) {
  return Buffer.from(`asset ${index} version ${version} `.repeat(40));
}

const ports = [];
const inFlight = [];
const most = [];
for (let host = 0; host < Number(hostCount); host++) {
  inFlight.push(0);
  most.push(0);
  const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (request, response) => {
    inFlight[host]++;
    most[host] = Math.max(most[host], inFlight[host]);
    // Over once the answer is sent: its client may release its lease and another one ask before this
    // process, busy with other hosts, sees the response close.
    let counted = true;
    const over = () => {
      if (counted) inFlight[host]--;
      counted = false;
    };
    response.once('close', over);
    const [, kind, index] = /^\/(\w+)\/(\d+)$/.exec(request.url ?? '') ?? [];
    const answer = () => {
      over();
      if (kind === 'dead' || kind === undefined) return response.writeHead(404).end();
      if (kind === 'moved') return response.writeHead(301, { location: `/ok/${index}` }).end();
      const version = kind === 'replaced' && phase === 2 ? 2 : 1;
      const bytes = assetBytes(Number(index), version);
      const length = kind === 'liar' && request.method === 'HEAD' ? bytes.length * 2 : bytes.length;
      response.writeHead(200, { 'content-length': length, etag: `"v${version}-${index}"` });
      response.end(request.method === 'HEAD' ? undefined : bytes);
    };
    setTimeout(answer, kind === 'slow' ? delayMs * 4 : delayMs);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  ports.push(server.address().port);
}
process.stdout.write(`${JSON.stringify(ports)}\n`);
process.stdin.on('data', (data) => {
  if (String(data).includes('stats')) {
    process.stdout.write(`${JSON.stringify(most)}\n`);
    most.fill(0);
  }
  if (String(data).includes('phase 2')) {
    phase = 2;
    process.stdout.write('phase 2\n');
  }
});
process.on('SIGTERM', () => process.exit(0));
