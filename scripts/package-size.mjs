// Reports what a contributor downloads to run mshub-review: the single-file build (nothing to
// install), the npm package as `npm pack` makes it, and that package installed with its
// dependencies (which reaches the npm registry). Run after `npm run build`; `npm run bench` runs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MiB = 1024 * 1024;
const megabytes = (bytes) => `${(bytes / MiB).toFixed(2)} MiB`;

function folderBytes(path) {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) total += folderBytes(child);
    else if (entry.isFile()) total += statSync(child).size;
  }
  return total;
}

const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export function measurePackage(root = process.cwd()) {
  const singleFile = statSync(join(root, 'dist/mshub-review.mjs')).size;
  const work = mkdtempSync(join(tmpdir(), 'mshub-size-'));
  try {
    const [packed] = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root),
    );
    const tarball = join(work, packed.filename);
    const prefix = join(work, 'install');
    let installed;
    try {
      npm(
        ['install', tarball, '--prefix', prefix, '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'],
        work,
      );
      installed = folderBytes(join(prefix, 'node_modules'));
    } catch (error) {
      installed = `not measured (${String(error.message).split('\n')[0]})`;
    }
    return {
      singleFile,
      packed: packed.size,
      unpacked: packed.unpackedSize,
      files: packed.entryCount,
      installed,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function describePackage(size) {
  const installed = typeof size.installed === 'number' ? megabytes(size.installed) : size.installed;
  return [
    `single-file build dist/mshub-review.mjs: ${megabytes(size.singleFile)}, runs with node alone (validate, fix, sha256, site-sync)`,
    `npm pack: ${megabytes(size.packed)} packed, ${megabytes(size.unpacked)} unpacked, ${size.files} files`,
    `npm install of the package (with the server dependencies): ${installed}; target for CLI use under 10 MiB: ${
      typeof size.installed === 'number' && size.installed < 10 * MiB ? 'met' : 'not met'
    }`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of describePackage(measurePackage())) console.log(line);
}
