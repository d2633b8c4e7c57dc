import type { SeveritySetting } from '../findings.js';
import { HUB_TRAIN_DATASETS } from './hub-lists.js';

export interface ValidationLimits {
  /** Largest asset markdown file read at all. */
  maxFileBytes: number;
  maxFrontMatterBytes: number;
  /** Deepest nesting of lists and mappings accepted in the front matter. */
  maxDepth: number;
}

/** Everything the rules need to know about the repository they check; built by src/config. */
export interface RulesConfig {
  severities: Readonly<Record<string, SeveritySetting>>;
  datasets: ReadonlySet<string>;
  /**
   * Host names allowed in `asset-link`, when the hub keeps a list (`*.example.org` allows every
   * subdomain). Without one, any host is accepted on the https port, as the hub's loader downloads
   * from anywhere; the download guard still refuses private addresses.
   */
  assetHosts?: readonly string[];
  limits: ValidationLimits;
  /** The command contributors run mshub-review with (see local-command.ts); none when unknown. */
  localCommand?: string;
  /**
   * How a contributor asks for a check that could not be made (a download or a repository the
   * network did not answer) to be made again: a `/recheck` comment on the pull request, the default,
   * or the same command again at a terminal.
   */
  retry?: 'recheck' | 'rerun';
}

export const DEFAULT_LIMITS: ValidationLimits = {
  maxFileBytes: 1024 * 1024,
  maxFrontMatterBytes: 64 * 1024,
  maxDepth: 8,
};

export function defaultRulesConfig(): RulesConfig {
  return {
    severities: {},
    datasets: new Set(HUB_TRAIN_DATASETS),
    limits: DEFAULT_LIMITS,
  };
}
