import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogPublisher, SiteArtifacts } from './site-sync.js';

/** Publishes into a folder; each file is written beside and renamed, so readers never see half a file. */
export class FolderPublisher implements CatalogPublisher {
  constructor(private readonly folder: string) {}

  async publish(artifacts: SiteArtifacts): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    for (const [name, content] of [
      ['catalog.json', artifacts.catalogJson],
      ['index.html', artifacts.indexHtml],
    ] as const) {
      const target = join(this.folder, name);
      const temporary = `${target}.${process.pid}.tmp`;
      await writeFile(temporary, content);
      await rename(temporary, target);
    }
  }
}
