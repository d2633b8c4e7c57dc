import type { RepoLink } from '../links.js';
import type { Message } from '../messages/message-spec.js';

/** What the hub loader needs from `mindspore_hub_conf.py`: a module-level `create_network`. */
const CREATE_NETWORK =
  /^(?:def[ \t]+create_network[ \t]*\(|create_network[ \t]*=|from[ \t]+\S+[ \t]+import[ \t]+(?:\(?[^\n]*\b)create_network\b)/m;

export function definesCreateNetwork(source: string): boolean {
  return CREATE_NETWORK.test(source);
}

/** The file name the hub loader imports from the model's source folder. */
export const HUB_CONF_FILE = 'mindspore_hub_conf.py';

export type SourceRepoOutcome =
  | { ok: true; definesCreateNetwork: boolean; url: string }
  | {
      ok: false;
      /** repo: the repository or the ref does not exist; file: no mindspore_hub_conf.py there; unchecked: could not ask. */
      kind: 'repo' | 'file' | 'unchecked';
      reason: string;
      /** kind repo: whether the repository or only the ref named in the link is missing. */
      missing?: 'repo' | 'ref';
      /** What the contributor can do, when the reason is in their hands (unchecked: usually nothing). */
      fix?: Message;
    };

/** Looks at the source repository a `repo-link` points to; implemented per host (GitHub, Gitee). */
export interface SourceRepoChecker {
  check(link: RepoLink): Promise<SourceRepoOutcome>;
}
