// Runs in its own process so its peak RSS is the downloader's alone.
// Usage: node bench/hash-url-child.mjs <ca.pem> <url>... ; prints JSON with digests, time and peak RSS.
import { readFileSync } from 'node:fs';
import { DEFAULT_DOWNLOAD_SETTINGS } from '../dist/config/environment.js';
import { AssetVerifier } from '../dist/net/asset-verifier.js';
import { peakRssMiB } from './child-memory.mjs';

const [ca, ...urls] = process.argv.slice(2);
const verifier = new AssetVerifier({
  ...DEFAULT_DOWNLOAD_SETTINGS,
  maxBytes: 8 * 1024 ** 3,
  allowPrivateHosts: ['127.0.0.1'],
  ca: readFileSync(ca, 'utf8'),
});
const started = performance.now();
const results = await Promise.all(urls.map((url) => verifier.hashResource(url)));
const ms = performance.now() - started;
await verifier.close();
process.stdout.write(
  `${JSON.stringify({ ms, bytes: results.reduce((sum, r) => sum + r.bytes, 0), digests: results.map((r) => r.sha256), maxRssMiB: peakRssMiB() })}\n`,
);
