import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CatalogPublisher, SiteArtifacts } from './site-sync.js';

/** What the folder holds of the details files, by their digests; written after them. */
const DETAILS_MANIFEST = 'details/published.json';

/**
 * Publishes into a folder; each file is written beside and renamed, so readers never see half a file.
 * A details file the folder already holds (by the digest recorded when it was written) is not written
 * again: after one merge, that is all of them but one.
 */
export class FolderPublisher implements CatalogPublisher {
  constructor(private readonly folder: string) {}

  async publish(artifacts: SiteArtifacts): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const held = await this.heldDetails();
    const details = Object.entries(artifacts.detailFiles).filter(
      ([name]) => held[name] !== artifacts.detailDigests[name],
    );
    // The details first, then what says they are there, then the catalog and the page that reads them.
    for (const [name, content] of details) await this.write(name, content);
    await this.write(DETAILS_MANIFEST, `${JSON.stringify(artifacts.detailDigests)}\n`);
    await this.write('catalog.json', artifacts.catalogJson);
    await this.write('index.html', artifacts.indexHtml);
  }

  private async heldDetails(): Promise<Record<string, string>> {
    try {
      const held: unknown = JSON.parse(await readFile(join(this.folder, DETAILS_MANIFEST), 'utf8'));
      return held !== null && typeof held === 'object' ? (held as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  private async write(name: string, content: string): Promise<void> {
    const target = join(this.folder, name);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, content);
    await rename(temporary, target);
  }
}
