import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type nock from 'nock';
import type { AuditSettings } from '../../src/config/environment.js';
import { parseRepoConfig } from '../../src/config/repo-config.js';
import type { HostedPlatform } from '../../src/review/hosted-platform.js';
import { CLEAN_TEXT, replaceOnce } from './fixtures.js';

const ORIGINAL_LINK =
  'https://download.mindspore.cn/models/r1.9/albert_ascend_v190_mnli_research_nlp_acc82.25.ckpt';
const ORIGINAL_SHA = 'ec4f2c5302b299d7751a60615a1d0f4316527146a6909c5d86b9afa5720bcc7a';

/** A real hub file (the clean sample) whose `asset-link` and `asset-sha256` are these. */
export function hubFileWith(link: string, sha256: string): string {
  return replaceOnce(replaceOnce(CLEAN_TEXT, ORIGINAL_LINK, link), ORIGINAL_SHA, sha256);
}

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
  const texts = new Map(files.map((file) => [file.path, hubFileWith(file.link, file.sha256)]));
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

/** Every source folder found, with `create_network`: the audits these tests run are about the links. */
export const SOURCE_REPOS_OK = {
  check: async () => ({ ok: true as const, definesCreateNetwork: true, url: 'https://gitee.com/x/y' }),
};

/** A network for an auditing process that must not audit links itself (its workers do). */
export const NO_NETWORK = {
  observe: async (): Promise<never> => {
    throw new Error('the auditing process audits no link itself');
  },
  hash: async (): Promise<never> => {
    throw new Error('the auditing process hashes nothing itself');
  },
  close: async () => {},
};

/** The audit settings of a hub, schedule far off, every digest kept: what varies is given. */
export function auditSettings(hub: string, perHost: number): AuditSettings {
  return {
    hubs: [hub],
    schedule: '0 3 * * *',
    rollingHashBytes: 0,
    rehashAfterMs: 1e12,
    perHost,
    concurrency: 4,
    hostRate: 0,
    github: { apiUrl: 'https://api.github.com' },
  };
}

/** A folder of its own for an audit's files (its targets, its snapshot), even when Redis keeps its state. */
export function auditStateFolder(): string {
  return mkdtempSync(join(tmpdir(), 'mshub-audit-state-'));
}

/**
 * A Gitee hub `mindspore/hub` at `head` as an audit reads it: its default branch, the commit, the
 * tree of `tree` files, and a setting that lets its assets live on loopback.
 */
export function mockGiteeHubAt(
  api: nock.Scope,
  head: string,
  tree: Array<{ path: string; sha: string }>,
): void {
  const hub = '/api/v5/repos/mindspore/hub';
  api.get(hub).reply(200, { default_branch: 'master' });
  api.get(`${hub}/branches/master`).reply(200, { commit: { sha: head } });
  api
    .get(`${hub}/git/trees/${head}`)
    .query({ recursive: 1 })
    .reply(200, { truncated: false, tree: tree.map(({ path, sha }) => ({ path, type: 'blob', sha })) });
  api.get(`${hub}/contents/.github/mshub-review.yml`).reply(200, {
    type: 'file',
    encoding: 'base64',
    content: Buffer.from('asset-hosts: ["127.0.0.1:*"]\n').toString('base64'),
  });
}
