import { parseRepoConfig } from '../../src/config/repo-config.js';
import type { HostedPlatform } from '../../src/review/hosted-platform.js';
import { CLEAN_TEXT, replaceOnce } from './fixtures.js';

const ORIGINAL_LINK =
  'https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt';
const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';

export interface FakeHubFile {
  path: string;
  link: string;
  sha256: string;
}

/**
 * A hub read from memory (a real hub file per model, with its `asset-link` and `asset-sha256`
 * replaced): its issues kept in `issues`, each blob read noted in `reads`.
 */
export function fakeAuditHub(
  files: readonly FakeHubFile[],
  issues: string[],
  reads: string[] = [],
  /** The hub's `.github/mshub-review.yml`. */
  config = '',
): HostedPlatform {
  const texts = new Map(
    files.map((file) => [
      file.path,
      replaceOnce(replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, file.link), ORIGINAL_SHA, file.sha256),
    ]),
  );
  return {
    pullRequest: async () => {
      throw new Error('not used');
    },
    hubTree: async () => {
      throw new Error('not used');
    },
    defaultHead: async () => ({ commit: 'c'.repeat(40) }),
    auditAccess: async () => ({
      tree: {
        listFiles: async () => files.map((file) => ({ path: file.path, blob: file.path })),
        readBlob: async (path: string) => {
          reads.push(path);
          return new TextEncoder().encode(texts.get(path) ?? '');
        },
        loadConfig: async () => parseRepoConfig(config),
      },
      issues: {
        findOwn: async () => undefined,
        create: async (_title: string, body: string) => {
          issues.push(body);
          return { id: String(issues.length) };
        },
        update: async () => {},
      },
    }),
  };
}

/** A hub setting that lets its links name the tests' loopback servers, port and all. */
export const LOOPBACK_HOSTS = 'asset-hosts: ["127.0.0.1:*", "localhost:*"]\n';
