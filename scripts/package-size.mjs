// Reports what a contributor downloads to run mshub-review: the single-file build (nothing to
// install), the npm package as `npm pack` makes it and installed with its dependencies (which reaches
// the npm registry), and the CLI package (scripts/pack-cli.mjs) installed. Run after `npm run build`;
// `npm run bench` runs it.
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
    // The contributor's package: the single file alone, installed without the registry.
    const cliTarball = execFileSync(process.execPath, [join(root, 'scripts/pack-cli.mjs'), work], {
      encoding: 'utf8',
    }).trim();
    const cliPrefix = join(work, 'cli');
    npm(['install', cliTarball, '--prefix', cliPrefix, '--offline', '--no-audit', '--no-fund'], work);
    return {
      singleFile,
      packed: packed.size,
      unpacked: packed.unpackedSize,
      files: packed.entryCount,
      installed,
      cliInstalled: folderBytes(join(cliPrefix, 'node_modules')),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function describePackage(size) {
  const installed = typeof size.installed === 'number' ? megabytes(size.installed) : size.installed;
  return [
    `single-file build dist/mshub-review.mjs: ${megabytes(size.singleFile)}, runs with node alone (validate, fix, new, sha256, site-sync)`,
    `npm pack: ${megabytes(size.packed)} packed, ${megabytes(size.unpacked)} unpacked, ${size.files} files`,
    `npm install of the package (the bot, with its server dependencies): ${installed}`,
    `npm install of mshub-review-cli (npm run pack:cli; the contributor's commands alone): ${megabytes(size.cliInstalled)}; target for CLI use under 10 MiB: ${
      size.cliInstalled < 10 * MiB ? 'met' : 'not met'
    }`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of describePackage(measurePackage())) console.log(line);
}
