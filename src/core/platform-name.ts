/** The platforms a hub can live on and the bot can review on. */
export type PlatformName = 'github' | 'gitee' | 'gitcode';

/** A hub repository on its platform, as the settings name it: `gitee:mindspore/hub`. */
export interface HubRef {
  platform: PlatformName;
  owner: string;
  repo: string;
}

const HUB_KEY = /^(github|gitee|gitcode):([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** `platform:owner/repo` read back; undefined for anything else (a setting that needs correcting). */
export function parseHubKey(key: string): HubRef | undefined {
  const match = HUB_KEY.exec(key);
  if (!match) return undefined;
  const [, platform, owner, repo] = match as unknown as [string, PlatformName, string, string];
  return { platform, owner, repo };
}
