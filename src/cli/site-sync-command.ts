import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loadLocalRepoConfig } from '../config/load-local-config.js';
import { buildCatalog } from '../core/catalog/build-catalog.js';
import { ASSETS_ROOT } from '../core/hub-path.js';
import { readAssetFiles, selectAssetFiles } from '../platforms/local/local-hub.js';
import { renderSiteFiles } from '../site/site-files.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './validate-command.js';

/** `mshub-review site-sync --hub DIR --out DIR`: the catalog and the static hub page from a local hub. */
export async function runSiteSync(
  options: { hub: string; out: string; commit?: string },
  io: Pick<CliIo, 'stdout'>,
): Promise<number> {
  const selection = selectAssetFiles([join(options.hub, ASSETS_ROOT)]);
  const configOptions = selection.hubRoot ? { hubRoot: selection.hubRoot } : {};
  const config = loadLocalRepoConfig(configOptions);
  const inputs = readAssetFiles(selection, config.rules.limits.maxFileBytes);
  const catalog = buildCatalog(
    inputs,
    config.rules,
    selection.hub,
    options.commit ? { commit: options.commit } : {},
  );
  const site = renderSiteFiles(catalog, inputs);
  for (const [name, content] of Object.entries(site.detailFiles)) {
    await mkdir(dirname(join(options.out, name)), { recursive: true });
    await writeFile(join(options.out, name), content);
  }
  await writeFile(join(options.out, 'catalog.json'), site.catalogJson);
  await writeFile(join(options.out, 'index.html'), site.indexHtml);
  const withProblems = catalog.models.filter((model) => model.problems !== undefined).length;
  io.stdout.write(
    `${catalog.models.length} models written to ${join(options.out, 'catalog.json')} and index.html (${withProblems} with problems shown on them); ${catalog.invalid.length} files the hub itself rejects are listed under "invalid".\n` +
      `Open index.html from a web server that serves ${options.out} (any static server), not as a file: a page opened as a file cannot read catalog.json and the model pages, so its details would be incomplete.\n`,
  );
  return EXIT.OK;
}
