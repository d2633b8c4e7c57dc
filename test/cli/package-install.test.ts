import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { REPO_ROOT, SAMPLE_HUB } from '../helpers/fixtures.js';

const run = promisify(execFile);

interface LockEntry {
  version?: string;
  dev?: boolean;
  link?: boolean;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
}

/**
 * The lockfile of an install of the packed package with the versions this checkout was tested with:
 * its package-lock.json, minus the development packages, under the package. Resolving them would
 * ask the registry (package.json pins the direct dependencies exactly); written out, the install
 * needs no registry at all (`--offline`), so the test makes no call outside this machine.
 */
function lockOfInstall(tarball: string, lock: { packages: Record<string, LockEntry> }): object {
  const own = lock.packages[''] as LockEntry;
  const packages: Record<string, unknown> = {
    '': { name: 'contributor', dependencies: { 'mshub-review': `file:${tarball}` } },
    'node_modules/mshub-review': {
      version: own.version,
      resolved: `file:${tarball}`,
      integrity: `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`,
      license: own.license,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages))
    if (path !== '' && !entry.dev && !entry.link) packages[path] = entry;
  return { name: 'contributor', lockfileVersion: 3, requires: true, packages };
}

describe('the mshub-review package, packed and installed in an empty folder', () => {
  const work = mkdtempSync(join(tmpdir(), 'mshub-package-'));
  const folder = join(work, 'contributor');
  const version = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
  let files: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(join(REPO_ROOT, 'dist/mshub-review.mjs')),
      'the package is packed from the build: run `npm run build` (npm ci does) first',
    );
    // --ignore-scripts: the build already made is what is packed; `prepare` would rebuild it.
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
      cwd: REPO_ROOT,
    });
    const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.ok(packed);
    files = packed.files.map((file) => file.path);
    const tarball = join(work, packed.filename);
    mkdirSync(folder);
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    writeFileSync(
      join(folder, 'package.json'),
      JSON.stringify({
        name: 'contributor',
        private: true,
        dependencies: { 'mshub-review': `file:${tarball}` },
      }),
    );
    writeFileSync(join(folder, 'package-lock.json'), JSON.stringify(lockOfInstall(tarball, lock)));
    await run('npm', ['ci', '--offline', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: folder,
    });
  });

  it('ships the build and its launcher, and no sources', () => {
    for (const file of ['bin/mshub-review.js', 'dist/mshub-review.mjs', 'app.yml'])
      assert.ok(files.includes(file), `${file} is in the package`);
    assert.deepEqual(
      files.filter((file) => /^(src|test|scripts)\//.test(file)),
      [],
    );
  });

  it('installs without building: no compiler, no bundler, no test tool comes with it', () => {
    for (const tool of ['typescript', 'esbuild', 'tsx', 'nock'])
      assert.equal(existsSync(join(folder, 'node_modules', tool)), false, `${tool} was installed`);
  });

  it('runs `npx mshub-review --version` with nothing else', async () => {
    const { stdout } = await run('npx', ['--offline', 'mshub-review', '--version'], { cwd: folder });
    assert.equal(stdout.trim(), version);
  });

  it('validates a hub file, in Chinese when asked, and fails a file with errors', async () => {
    const bin = join(folder, 'node_modules/.bin/mshub-review');
    const good = join(SAMPLE_HUB, 'mshub_res/assets/mindspore/1.9/albert_mnli.md');
    const { stdout } = await run(bin, ['validate', good, '--lang', 'zh'], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    assert.match(stdout, /检查了 1 个文件，没有问题/);
    const hub = join(work, 'hub');
    cpSync(SAMPLE_HUB, hub, { recursive: true });
    const broken = join(hub, 'mshub_res/assets/mindspore/1.9/albert_mnli.md');
    writeFileSync(
      broken,
      readFileSync(good, 'utf8').replace(/asset-sha256: [0-9a-f]{64}/, 'asset-sha256: abc'),
    );
    await assert.rejects(
      run(bin, ['validate', broken], { cwd: folder, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } }),
      (error: { code: number; stdout: string }) => error.code === 1 && /asset-sha256/.test(error.stdout),
    );
  });
});
