import type { AssetHasher, AssetHashOutcome } from '../core/verification/asset-hash-outcome.js';
import { AssetVerifier } from '../net/asset-verifier.js';
import type { HashedResource } from '../net/hash-download.js';
import { DownloadProgressView } from './download-progress.js';
import type { CliIo } from './validate-command.js';

export interface CliHasher extends AssetHasher {
  hashResource(url: string): Promise<HashedResource>;
  close(): Promise<void>;
}

/** The guarded asset verifier with its progress shown on stderr. */
export function createCliHasher(io: Pick<CliIo, 'stderr' | 'environment'>): CliHasher {
  const view = new DownloadProgressView(io.stderr);
  const verifier = new AssetVerifier(io.environment.downloads, {
    onProgress: (progress) => view.update(progress),
  });
  return {
    async hash(url: string): Promise<AssetHashOutcome> {
      const outcome = await verifier.hash(url);
      view.finish(url, outcome);
      return outcome;
    },
    hashResource: (url) => verifier.hashResource(url),
    close: () => verifier.close(),
  };
}
