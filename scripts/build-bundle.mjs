// Builds dist/bundle: the compiled CLI in a few chunks, which bin/mshub-review.js runs `serve` and
// `worker` from (every other command runs from dist/cached-cli, and from here only when that was not
// built). The small packages every command uses (commander, js-yaml, lru-cache, diff, p-limit) are
// bundled in; the server's stack and the HTTP client stay packages, loaded only where needed.
import { rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const LOADED_ON_DEMAND = ['probot', 'bullmq', 'ioredis', 'pino', 'undici'];

// Chunks are named by their content: the last build's would otherwise stay beside the new ones.
rmSync('dist/bundle', { recursive: true, force: true });

await esbuild.build({
  entryPoints: ['dist/cli/bin.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: LOADED_ON_DEMAND,
  logLevel: 'warning',
  banner: {
    // Bundled CommonJS packages (commander) call require() for Node's own modules.
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
