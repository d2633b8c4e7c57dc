import { LOCAL_COMMAND_PATTERN } from '../core/local-command.js';
import { RULES } from '../core/rules/rule-catalog.js';
import type { RulesConfig } from '../core/rules/rules-config.js';

const SEVERITY = { enum: ['error', 'warning', 'notice', 'off'] };

/** The shape of `.github/mshub-review.yml`. */
export const REPO_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    paths: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
    command: { type: 'string', maxLength: 100, pattern: LOCAL_COMMAND_PATTERN },
    language: { enum: ['en', 'zh', 'zh+en'] },
    rules: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(RULES.map((rule) => [rule.id, SEVERITY])),
    },
    datasets: { type: 'array', items: { type: 'string', minLength: 1 } },
    'asset-hosts': {
      type: 'array',
      items: { type: 'string', pattern: '^(\\*\\.)?[A-Za-z0-9.-]+(:([0-9]{1,5}|\\*))?$' },
      minItems: 1,
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'max-file-bytes': { type: 'integer', minimum: 1024, maximum: 64 * 1024 * 1024 },
        'max-front-matter-bytes': { type: 'integer', minimum: 256, maximum: 16 * 1024 * 1024 },
        'max-depth': { type: 'integer', minimum: 2, maximum: 64 },
      },
    },
  },
} as const;

export interface RepoConfigFile {
  paths?: string[];
  command?: string;
  language?: 'en' | 'zh' | 'zh+en';
  rules?: Record<string, RulesConfig['severities'][string]>;
  datasets?: string[];
  'asset-hosts'?: string[];
  limits?: { 'max-file-bytes'?: number; 'max-front-matter-bytes'?: number; 'max-depth'?: number };
}
