import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MshubError } from '../core/errors.js';
import { defaultRepoConfig, parseRepoConfig, REPO_CONFIG_PATH, type RepoConfig } from './repo-config.js';

/**
 * The settings for a local run: an explicit `--config` file, else the hub's own
 * `.github/mshub-review.yml`, so that the CLI says what the bot would say.
 */
export function loadLocalRepoConfig(options: { explicitPath?: string; hubRoot?: string }): RepoConfig {
  const path =
    options.explicitPath ?? (options.hubRoot ? join(options.hubRoot, REPO_CONFIG_PATH) : undefined);
  if (!path) return defaultRepoConfig();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (options.explicitPath === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return defaultRepoConfig();
    }
    throw new MshubError('CONFIG_INVALID', `The configuration file ${path} cannot be read.`, {
      cause: error,
    });
  }
  return parseRepoConfig(text, path);
}
