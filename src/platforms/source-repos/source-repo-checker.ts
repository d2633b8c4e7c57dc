import type { SourceRepoSettings } from '../../config/settings.js';
import { BoundedCache } from '../../core/bounded-cache.js';
import { isMshubError } from '../../core/errors.js';
import { REPO_HOST_SITES, type RepoHost, type RepoLink } from '../../core/links.js';
import { msg } from '../../core/messages/format-message.js';
import type { Message } from '../../core/messages/message-spec.js';
import {
  definesCreateNetwork,
  HUB_CONF_FILE,
  type SourceRepoChecker,
  type SourceRepoOutcome,
} from '../../core/verification/hub-conf.js';
import { endpointUrl } from '../api-endpoint-url.js';
import { GiteeApi } from '../gitee/gitee-api.js';

export type { SourceRepoSettings };

type FetchFn = typeof fetch;

interface HostApi {
  /** The text of the file, undefined when it does not exist; throws HostFailure. */
  readFile(link: RepoLink, path: string): Promise<string | undefined>;
  repoExists(link: RepoLink): Promise<boolean>;
  refExists(link: RepoLink): Promise<boolean>;
}

class HostFailure extends Error {
  constructor(
    message: string,
    /** When the contributor can act on it. */
    readonly fix?: Message,
  ) {
    super(message);
  }
}

/** A `mindspore_hub_conf.py` is a few KB; the linked repository is the contributor's, so cap the read. */
const HUB_CONF_MAX_BYTES = 1024 * 1024;

/** At most `limit` bytes of a body as text; the rest is not downloaded. */
async function readCapped(response: Response, limit: number): Promise<{ text: string; complete: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { text: '', complete: true };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString('utf8'), complete: true };
    chunks.push(value);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { text: Buffer.concat(chunks).subarray(0, limit).toString('utf8'), complete: false };
    }
  }
}

const tooLarge = (path: string) =>
  new HostFailure(
    `${path} is larger than ${HUB_CONF_MAX_BYTES / 1024 / 1024} MiB, too large to read`,
    msg('source-repo-unchecked.fix-too-large', { file: HUB_CONF_FILE }),
  );

/** GitCode's public API, for a deployment that has no GitCode settings of its own. */
const PUBLIC_GITCODE_API = {
  apiUrl: 'https://api.gitcode.com/api/v5',
  retries: 2,
  timeoutMs: 15_000,
  alsoTransient: [418],
} as const;

/** Source-repository answers kept at once. */
const MAX_CACHED_LINKS = 5000;

/**
 * Checks through the GitHub and Gitee APIs that the folder `repo-link` points to holds
 * `mindspore_hub_conf.py` with `create_network`. Tokens are optional: without one, requests are
 * unauthenticated and a rate limit becomes an "unchecked" notice, not a failure.
 */
export class HostedSourceRepoChecker implements SourceRepoChecker {
  /** Bounded: a long-running `serve` sees ever new links. Entries older than the TTL are asked again. */
  private readonly cache: BoundedCache<string, { outcome: Promise<SourceRepoOutcome>; at: number }>;
  private readonly hosts: Record<RepoHost, HostApi>;

  constructor(
    private readonly settings: SourceRepoSettings,
    /**
     * The bot's Gitee client (one set of Gitee settings, read once), and GitCode's when the deployment
     * has one; without it, gitcode.com links are read anonymously from GitCode's public API.
     */
    clients: GiteeApi | { gitee: GiteeApi; gitcode?: GiteeApi },
    fetchFn: FetchFn = fetch,
    private readonly now: () => number = Date.now,
    maxCachedLinks = MAX_CACHED_LINKS,
  ) {
    this.cache = new BoundedCache(maxCachedLinks);
    const get = (url: string, headers: Record<string, string>) =>
      fetchFn(url, { headers, signal: AbortSignal.timeout(settings.timeoutMs) });
    const { gitee, gitcode } = clients instanceof GiteeApi ? { gitee: clients, gitcode: undefined } : clients;
    this.hosts = {
      github: githubApi(settings, get),
      gitee: giteeHost(gitee, 'Gitee'),
      gitcode: giteeHost(gitcode ?? new GiteeApi(PUBLIC_GITCODE_API), 'GitCode'),
    };
  }

  check(link: RepoLink): Promise<SourceRepoOutcome> {
    const key = `${link.host}:${link.owner}/${link.repo}@${link.ref ?? ''}:${link.path ?? ''}`;
    const cached = this.cache.get(key);
    if (cached && this.now() - cached.at < this.settings.cacheTtlMs) return cached.outcome;
    const outcome = this.lookup(link);
    this.cache.set(key, { outcome, at: this.now() });
    void outcome.then((result) => {
      if (!result.ok && result.kind === 'unchecked') this.cache.delete(key);
    });
    return outcome;
  }

  private async lookup(link: RepoLink): Promise<SourceRepoOutcome> {
    const api = this.hosts[link.host];
    const folder = folderOf(link.path);
    const path = folder ? `${folder}/${HUB_CONF_FILE}` : HUB_CONF_FILE;
    const url = `https://${REPO_HOST_SITES[link.host].domain}/${link.owner}/${link.repo}`;
    try {
      const text = await api.readFile(link, path);
      if (text !== undefined) return { ok: true, definesCreateNetwork: definesCreateNetwork(text), url };
      if (!(await api.repoExists(link)))
        return {
          ok: false,
          kind: 'repo',
          missing: 'repo',
          reason: 'the repository does not exist or is private',
        };
      if (link.ref && !(await api.refExists(link))) {
        return {
          ok: false,
          kind: 'repo',
          missing: 'ref',
          reason: `the repository has no branch, tag or commit ${link.ref}`,
        };
      }
      return { ok: false, kind: 'file', reason: `${path} does not exist` };
    } catch (error) {
      if (error instanceof HostFailure)
        return {
          ok: false,
          kind: 'unchecked',
          reason: error.message,
          ...(error.fix ? { fix: error.fix } : {}),
        };
      if (isMshubError(error, 'UNSAFE_PATH'))
        return { ok: false, kind: 'unchecked', reason: 'the link leads outside the repository' };
      const host = REPO_HOST_SITES[link.host].name;
      return {
        ok: false,
        kind: 'unchecked',
        reason: `the ${host} API did not answer (${(error as Error).name})`,
      };
    }
  }
}

/** A `blob` link to a file means the folder that holds it. */
function folderOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const trimmed = path.replace(/\/+$/, '');
  return /\.[A-Za-z0-9]+$/.test(trimmed.slice(trimmed.lastIndexOf('/') + 1))
    ? trimmed.slice(0, trimmed.lastIndexOf('/')) || undefined
    : trimmed;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const repoPath = (link: RepoLink) =>
  `repos/${encodeURIComponent(link.owner)}/${encodeURIComponent(link.repo)}`;

async function failIfUnavailable(response: Response, host: string): Promise<void> {
  failIfUnavailableStatus(response.status, response.headers, host);
}

function failIfUnavailableStatus(status: number, headers: Headers, host: string): void {
  if (status === 429 || (status === 403 && headers.get('x-ratelimit-remaining') === '0')) {
    throw new HostFailure(`the ${host} API rate limit is reached`);
  }
  if (status >= 500 || status === 403 || status === 401) {
    throw new HostFailure(`the ${host} API answered HTTP ${status}`);
  }
}

function githubApi(
  settings: SourceRepoSettings,
  get: (url: string, headers: Record<string, string>) => Promise<Response>,
): HostApi {
  // Every path is checked to stay below the API root, as the Gitee client checks its own.
  const url = (path: string) => endpointUrl(settings.githubApiUrl, path).href;
  const headers = (accept = 'application/vnd.github+json'): Record<string, string> => ({
    accept,
    'user-agent': 'mshub-review',
    ...(settings.githubToken ? { authorization: `Bearer ${settings.githubToken}` } : {}),
  });
  const status = async (url: string) => {
    const response = await get(url, headers());
    await response.body?.cancel();
    await failIfUnavailable(response, 'GitHub');
    return response.status;
  };
  return {
    async readFile(link, path) {
      const ref = link.ref ? `?ref=${encodeURIComponent(link.ref)}` : '';
      const response = await get(
        url(`/${repoPath(link)}/contents/${encodePath(path)}${ref}`),
        headers('application/vnd.github.raw'),
      );
      await failIfUnavailable(response, 'GitHub');
      if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
      }
      if (!response.ok) throw new HostFailure(`the GitHub API answered HTTP ${response.status}`);
      const { text, complete } = await readCapped(response, HUB_CONF_MAX_BYTES);
      if (!complete) throw tooLarge(path);
      return text;
    },
    repoExists: async (link) => (await status(url(`/${repoPath(link)}`))) === 200,
    refExists: async (link) =>
      (await status(url(`/${repoPath(link)}/commits/${encodeURIComponent(link.ref ?? '')}`))) === 200,
  };
}

/**
 * Gitee's API v5, which GitCode's copies (the same contents, repository and commit answers), through
 * the bot's one client for that host: its settings, token and retries, the reads capped as on GitHub.
 */
function giteeHost(gitee: GiteeApi, name: string): HostApi {
  const statusOf = async (path: string) => {
    const answer = await gitee.getCapped(path, {}, 0);
    failIfUnavailableStatus(answer.status, answer.headers, name);
    return answer.status;
  };
  return {
    async readFile(link, path) {
      // Base64 in JSON: a third larger than the file.
      const answer = await gitee.getCapped(
        `/${repoPath(link)}/contents/${encodePath(path)}`,
        { ref: link.ref },
        HUB_CONF_MAX_BYTES * 2,
      );
      failIfUnavailableStatus(answer.status, answer.headers, name);
      if (answer.status === 404) return undefined;
      if (answer.status < 200 || answer.status >= 300)
        throw new HostFailure(`the ${name} API answered HTTP ${answer.status}`);
      if (!answer.complete) throw tooLarge(path);
      let body: { type?: string; content?: string; encoding?: string } | unknown[];
      try {
        body = JSON.parse(answer.text);
      } catch {
        throw new HostFailure(`the ${name} API answered with something that is not JSON`);
      }
      // Gitee answers a path that does not exist with an empty list.
      if (!body || Array.isArray(body) || body.type !== 'file' || typeof body.content !== 'string')
        return undefined;
      return Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8');
    },
    repoExists: async (link) => (await statusOf(`/${repoPath(link)}`)) === 200,
    refExists: async (link) =>
      (await statusOf(`/${repoPath(link)}/commits/${encodeURIComponent(link.ref ?? '')}`)) === 200,
  };
}
