import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CatalogPublisher, SiteArtifacts } from './site-sync.js';

/** Publishes into a folder; each file is written beside and renamed, so readers never see half a file. */
export class FolderPublisher implements CatalogPublisher {
  constructor(private readonly folder: string) {}

  async publish(artifacts: SiteArtifacts): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    // The details first, then the catalog, then the page that reads them.
    for (const [name, content] of [
      ...Object.entries(artifacts.detailFiles).filter(([name]) => artifacts.changedDetailFiles.has(name)),
      ['catalog.json', artifacts.catalogJson],
      ['index.html', artifacts.indexHtml],
    ] as const) {
      const target = join(this.folder, name);
      await mkdir(dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, content);
      await rename(temporary, target);
    }
  }
}
