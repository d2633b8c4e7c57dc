import type { PlatformName } from '../core/platform-name.js';

/** Publish the catalog of a hub repository at a commit of its default branch; serialisable for queues. */
export interface SiteSyncRequest {
  platform: PlatformName;
  owner: string;
  repo: string;
  /** The merge commit (or pushed head) on the default branch. */
  commit: string;
  installationId?: number;
  deliveryId: string;
  trigger: string;
}

export const hubKey = (request: Pick<SiteSyncRequest, 'platform' | 'owner' | 'repo'>) =>
  `${request.platform}:${request.owner}/${request.repo}`.toLowerCase();
