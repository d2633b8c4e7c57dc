export type RepoHost = 'github' | 'gitee' | 'gitcode';

/** Each host's web address and name, for links and messages. */
export const REPO_HOST_SITES: Record<RepoHost, { domain: string; name: string }> = {
  github: { domain: 'github.com', name: 'GitHub' },
  gitee: { domain: 'gitee.com', name: 'Gitee' },
  gitcode: { domain: 'gitcode.com', name: 'GitCode' },
};

export interface RepoLink {
  host: RepoHost;
  owner: string;
  repo: string;
  /** Branch, tag or commit from a `/tree/<ref>` or `/blob/<ref>` URL. */
  ref?: string;
  /** Folder or file below the repository root, without leading or trailing `/`. */
  path?: string;
}

export type LinkProblem = 'empty' | 'not-a-url' | 'not-https' | 'credentials';

const REPO_HOSTS: Record<string, RepoHost> = {
  'github.com': 'github',
  'www.github.com': 'github',
  'gitee.com': 'gitee',
  'www.gitee.com': 'gitee',
  'gitcode.com': 'gitcode',
  'www.gitcode.com': 'gitcode',
};
const NAME = /^[A-Za-z0-9_.-]+$/;

/** Strips the `<...>` that hub files put around links so YAML does not read them oddly. */
export function unwrapLink(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1).trim() : trimmed;
}

/** What the rules read of a parsed link: the fields of a URL, as `new URL` gives them. */
export interface LinkParts {
  readonly href: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
}

export function parseHttpsLink(
  value: string,
): { ok: true; url: LinkParts } | { ok: false; problem: LinkProblem } {
  const text = unwrapLink(value);
  if (text === '') return { ok: false, problem: 'empty' };
  const plain = plainHttpsLink(text);
  if (plain) return { ok: true, url: plain };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.protocol !== 'https:')
    return { ok: false, problem: url.protocol === 'http:' ? 'not-https' : 'not-a-url' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  return { ok: true, url };
}

/**
 * The shape nearly every hub link has: `https://`, a lower-case host of letters, digits and `-` whose
 * last label starts with a letter (so it is no IP address), and a path of characters the URL parser
 * keeps as they are. URL would give back exactly the text (pathname `/` when there is none), so it is
 * read without the parser: about 5 ms of a hub-wide run, which reads 5,800 links. Anything else,
 * including punycode (`xn--`), `%`, `\\` and `.` or `..` segments, goes through URL; a test holds both
 * readings equal.
 */
const PLAIN_HTTPS = /^https:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(\/[A-Za-z0-9._~!$&'()*+,;=:@/-]*)?$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

export function plainHttpsLink(text: string): LinkParts | undefined {
  const match = PLAIN_HTTPS.exec(text);
  if (match === null) return undefined;
  const hostname = match[1] as string;
  const pathname = match[2];
  if (hostname.includes('xn--')) return undefined;
  if (pathname === undefined) return { href: `${text}/`, hostname, port: '', pathname: '/' };
  if (DOT_SEGMENT.test(pathname)) return undefined;
  return { href: text, hostname, port: '', pathname };
}

/** Reads `https://github.com|gitee.com|gitcode.com/owner/repo[/tree|blob/ref[/path]]`; undefined for anything else. */
export function parseRepoLink(url: Pick<LinkParts, 'hostname' | 'port' | 'pathname'>): RepoLink | undefined {
  const hostname = url.hostname.toLowerCase();
  const host = Object.hasOwn(REPO_HOSTS, hostname) ? REPO_HOSTS[hostname] : undefined;
  if (!host || url.port !== '') return undefined;
  // Index access, not destructuring: this runs for every file, mostly before it is optimized,
  // where an array pattern walks the iterator protocol.
  const segments: Array<string | undefined> = [];
  const parts = url.pathname.split('/');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] as string;
    if (part !== '') segments.push(safeDecode(part));
  }
  const owner = segments[0];
  const rawRepo = segments[1];
  if (!owner || !rawRepo || !NAME.test(owner) || !NAME.test(rawRepo)) return undefined;
  const repo = rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo;
  const link: RepoLink = { host, owner, repo };
  if (segments.length === 2) return link;
  const kind = segments[2];
  const ref = segments[3];
  if ((kind !== 'tree' && kind !== 'blob') || !ref) return undefined;
  for (let index = 3; index < segments.length; index++) {
    const segment = segments[index];
    if (segment === undefined || segment === '..' || segment === '.') return undefined;
    // The ref goes whole into a query or one encoded segment; a branch may have `/` in its name.
    if (index > 3 && PATH_SEGMENT_REFUSED.test(segment)) return undefined;
  }
  link.ref = ref;
  if (segments.length > 4) link.path = segments.slice(4).join('/');
  return link;
}

function safeDecode(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * A folder or file name in the repository: a decoded `/` or `\` would become path segments again
 * in an API path (`..%2F..%2Fuser` climbing out of `contents/`), a control character has no place.
 */
const PATH_SEGMENT_REFUSED = /[/\\\u0000-\u001f\u007f]/;

interface HostPattern {
  name: string;
  /** `*.example.org`: every subdomain. */
  wildcard: boolean;
  /** '' for https's own port, '*' for any. */
  port: string;
}

/** Each allow-list read once: every asset link of a hub is checked against the same list. */
const hostPatterns = new WeakMap<readonly string[], HostPattern[]>();

function patternsOf(allowed: readonly string[]): HostPattern[] {
  let patterns = hostPatterns.get(allowed);
  if (!patterns) {
    patterns = allowed.map((entry) => {
      const [name = '', port = ''] = entry.toLowerCase().split(/:(?=\d+$|\*$)/);
      const wildcard = name.startsWith('*.');
      return { name: wildcard ? name.slice(1) : name, wildcard, port };
    });
    hostPatterns.set(allowed, patterns);
  }
  return patterns;
}

/**
 * Without a list, every host is allowed on https's own port. With one,
 * `*.example.org` matches every subdomain of example.org; other entries match the host exactly. A
 * link on another port than https's own (`download.mindspore.cn:22`) is allowed only by an entry
 * that names that port (`mirror.example.org:8443`), or any port (`127.0.0.1:*`, for tests).
 */
export function hostAllowed(
  url: Pick<LinkParts, 'hostname' | 'port'>,
  allowed: readonly string[] | undefined,
): boolean {
  const port = url.port;
  if (allowed === undefined) return port === '';
  const host = url.hostname.toLowerCase();
  const patterns = patternsOf(allowed);
  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index] as HostPattern;
    if (
      (pattern.port === '*' || pattern.port === port) &&
      (pattern.wildcard ? host.endsWith(pattern.name) : host === pattern.name)
    )
      return true;
  }
  return false;
}
