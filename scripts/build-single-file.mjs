// Builds dist/mshub-review.mjs: the contributor's commands (validate, fix, new, sha256, site-sync) in one
// file that runs with nothing but Node, for a hub to vendor (tools/mshub-review.mjs) or attach to a
// release. `serve` and `worker` need the server dependencies and are left out; the file says so.
import * as esbuild from 'esbuild';
import { SERVER_ONLY, serverCommandsLeftOut } from './server-commands-left-out.mjs';

const outfile = process.argv[2] ?? 'dist/mshub-review.mjs';

const result = await esbuild.build({
  entryPoints: ['src/cli/bin.ts'],
  outfile,
  bundle: true,
  minify: true,
  legalComments: 'eof',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  banner: {
    // Bundled CommonJS packages (undici, commander) call require() for Node's own modules.
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  plugins: [serverCommandsLeftOut],
});

const external = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((item) => item.external && !item.path.startsWith('node:'))
    .map((item) => item.path),
);
for (const path of external) {
  if (!SERVER_ONLY.test(path)) {
    console.error(`build-single-file: ${path} is not bundled, so ${outfile} would not run alone`);
    process.exit(1);
  }
}
