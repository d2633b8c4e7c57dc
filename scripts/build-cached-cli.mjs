// Builds dist/cached-cli: the contributor commands (everything but serve and worker) as one CommonJS
// bundle, and the V8 code cache that bin/mshub-review.js loads it with (see bin/cached-cli.js). The
// cache is made by running the bundle over the sample hub, so it holds the functions a review runs.
// Usage: node scripts/build-cached-cli.mjs [out-folder]
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { CACHED_CLI_FOLDER, loadCachedCli } from '../bin/cached-cli.js';
import { serverCommandsLeftOut } from './server-commands-left-out.mjs';

const root = resolve(import.meta.dirname, '..');

/**
 * commander loads node:child_process when it starts, for executable subcommands (`git-foo`), which
 * this CLI has none of; loading it is a millisecond or two of every run. Here commander gets a
 * `spawn` that loads the module when called instead.
 */
const commanderSpawnsLazily = {
  name: 'commander-spawns-lazily',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes(join('node_modules', 'commander'))
        ? { path: 'lazy-child-process', namespace: 'commander-spawns-lazily' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'commander-spawns-lazily' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};
const folder = process.argv[2] ? resolve(process.argv[2]) : CACHED_CLI_FOLDER;

rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(folder, 'cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // The HTTP client is loaded only by the commands that download; the server's stack never is here.
  external: ['undici', 'probot', 'bullmq', 'ioredis', 'pino'],
  // bin/mshub-review.js runs serve and worker from dist/bundle, which shares the server's modules.
  plugins: [serverCommandsLeftOut, commanderSpawnsLazily],
});

const cli = loadCachedCli(folder);
const sampleHub = join(root, 'test/fixtures/hub-sample');
const quiet = { write: () => true };
if (existsSync(sampleHub)) {
  for (const format of ['json', 'text', 'markdown'])
    await cli.runCli(['validate', sampleHub, '--format', format], { stdout: quiet, stderr: quiet, env: {} });
} else {
  console.warn(`build-cached-cli: ${sampleHub} is missing; the cache holds the start-up code only`);
}
writeFileSync(cli.cacheFile, cli.createCache());
