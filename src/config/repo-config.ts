import type { ValidateFunction } from 'ajv';
import yaml from 'js-yaml';
import { MshubError } from '../core/errors.js';
import { ASSETS_ROOT } from '../core/hub-path.js';
import type { CommentLanguage } from '../core/report/review-report.js';
import { DEFAULT_LIMITS, defaultRulesConfig, type RulesConfig } from '../core/rules/rules-config.js';
import { validateRepoConfig } from './generated/repo-config-validator.js';
import type { RepoConfigFile } from './repo-config-schema.js';

/** Where a hub repository keeps its mshub-review settings (GitHub app, Gitee adapter and CLI alike). */
export const REPO_CONFIG_PATH = '.github/mshub-review.yml';

export interface RepoConfig {
  /** Folders whose changes are reviewed. */
  paths: string[];
  rules: RulesConfig;
  /** How contributors run mshub-review in this hub, when the hub says so (`command:`). */
  command?: string;
  /** The language of the bot's comment (`language:`); each platform has its default. */
  language?: CommentLanguage;
}

/** Compiled at build time from REPO_CONFIG_SCHEMA (scripts/generate-validators.ts): no ajv at run time. */
const validateFile = validateRepoConfig as unknown as ValidateFunction<RepoConfigFile>;

export function defaultRepoConfig(): RepoConfig {
  return { paths: [ASSETS_ROOT], rules: defaultRulesConfig() };
}

/** Reads the text of `.github/mshub-review.yml`; throws CONFIG_INVALID saying what to change. */
export function parseRepoConfig(text: string, source = REPO_CONFIG_PATH): RepoConfig {
  let raw: unknown;
  try {
    raw = yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.message : String(error);
    throw new MshubError('CONFIG_INVALID', `${source} is not valid YAML: ${reason}`, { cause: error });
  }
  return repoConfigFromObject(raw, source);
}

/** Checks settings already parsed (by Probot's config loader, say); throws CONFIG_INVALID. */
export function repoConfigFromObject(raw: unknown, source = REPO_CONFIG_PATH): RepoConfig {
  if (!validateFile(raw)) {
    const problems = (validateFile.errors ?? []).map((error) => {
      const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'the file';
      const extra =
        error.keyword === 'additionalProperties' ? ` (${String(error.params.additionalProperty)})` : '';
      return `${where} ${error.message ?? 'is invalid'}${extra}`;
    });
    throw new MshubError('CONFIG_INVALID', `${source} is invalid: ${problems.join('; ')}.`);
  }
  const defaults = defaultRepoConfig();
  const limits = raw.limits ?? {};
  return {
    paths: raw.paths ?? defaults.paths,
    ...(raw.command === undefined ? {} : { command: raw.command }),
    ...(raw.language === undefined ? {} : { language: raw.language }),
    rules: {
      severities: { ...(raw.rules ?? {}) },
      datasets: new Set([...defaults.rules.datasets, ...(raw.datasets ?? [])]),
      ...(raw['asset-hosts'] === undefined ? {} : { assetHosts: raw['asset-hosts'] }),
      limits: {
        maxFileBytes: limits['max-file-bytes'] ?? DEFAULT_LIMITS.maxFileBytes,
        maxFrontMatterBytes: limits['max-front-matter-bytes'] ?? DEFAULT_LIMITS.maxFrontMatterBytes,
        maxDepth: limits['max-depth'] ?? DEFAULT_LIMITS.maxDepth,
      },
    },
  };
}
