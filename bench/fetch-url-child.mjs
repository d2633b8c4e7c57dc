// The transport alone, for `npm run bench`: the same HTTPS download through undici, bytes counted
// and dropped, no hashing and no address guard. Usage: node bench/fetch-url-child.mjs <ca.pem> <url>
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';

const [ca, url] = process.argv.slice(2);
const agent = new Agent({ connect: { ca: readFileSync(ca, 'utf8') } });
const started = performance.now();
const { body } = await request(url, { dispatcher: agent });
let bytes = 0;
for await (const chunk of body) bytes += chunk.length;
const ms = performance.now() - started;
await agent.close();
process.stdout.write(`${JSON.stringify({ ms, bytes })}\n`);
