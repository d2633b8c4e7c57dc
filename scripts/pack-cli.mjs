// Packs the contributor's CLI as a package of its own, `mshub-review-cli`: the single-file build
// (dist/mshub-review.mjs, run `npm run build` first) and nothing else, no dependencies. Installing it
// (`npm install -g mshub-review-cli-<version>.tgz`) gives the `mshub-review` command for validate, fix,
// new, sha256 and site-sync in under 1 MiB; the bot's server stays in the main package.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const destination = resolve(process.argv[2] ?? join(root, 'dist'));
const singleFile = resolve(process.argv[3] ?? join(root, 'dist/mshub-review.mjs'));
const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'mshub-cli-pack-'));
try {
  copyFileSync(singleFile, join(stage, 'mshub-review.mjs'));
  writeFileSync(
    join(stage, 'package.json'),
    `${JSON.stringify(
      {
        name: 'mshub-review-cli',
        version: main.version,
        description:
          'Check, fix and write MindSpore Hub model submissions: the checks the hub bot runs, on your machine.',
        license: main.license,
        type: 'module',
        engines: main.engines,
        bin: { 'mshub-review': 'mshub-review.mjs' },
        files: ['mshub-review.mjs'],
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(stage, 'README.md'),
    [
      '# mshub-review-cli',
      '',
      'The contributor commands of mshub-review in one file, with no dependencies:',
      '',
      '```sh',
      'mshub-review validate mshub_res/assets/<you>/<version>/<model>.md',
      'mshub-review fix mshub_res/assets/<you>/<version>/<model>.md',
      'mshub-review new --help',
      'mshub-review sha256 <model-file-or-https-link>',
      '```',
      '',
    ].join('\n'),
  );
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: stage,
      encoding: 'utf8',
    }),
  );
  console.log(join(destination, packed.filename));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
