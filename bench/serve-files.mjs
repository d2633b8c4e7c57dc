// A second process serving files over HTTPS on loopback, with byte ranges, for `npm run bench`.
// Usage: node bench/serve-files.mjs <cert.pem> <key.pem> <file>... ; prints the port on stdout.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';

const [cert, key, ...files] = process.argv.slice(2);
const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (request, response) => {
  const index = Number(/^\/(\d+)$/.exec(request.url ?? '')?.[1]);
  const file = files[index];
  if (file === undefined) return response.writeHead(404).end();
  const size = statSync(file).size;
  response.writeHead(200, { 'content-length': size, 'accept-ranges': 'bytes', etag: `"${index}-${size}"` });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(response);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
