/**
 * The uid the hub loader derives from a `repo-link` (`get_repo_info_from_url` in the hub's
 * download.py): `<host>:<repo>:master` for a repository, `<host>:<repo>:<ref>` for a ref, and
 * `<host>:<folder>:<ref>` for a folder in it, where host is the name before `.com`.
 */
export function hubUid(repoLink: string): string | undefined {
  const link = repoLink.trim().replace(/^<|>$/g, '').replace(/\/+$/, '');
  const web = hubHostName(link);
  const prefix = /^https?:\/\/[^/]+/.exec(link)?.[0];
  if (!web || !prefix) return undefined;
  const parts = link.slice(prefix.length).replace(/^\/+/, '').split('/');
  const [, repo, kind, ref] = parts;
  if (parts.length === 2 && repo) return `${web}:${repo}:master`;
  if (parts.length < 4 || (kind !== 'tree' && kind !== 'blob') || !ref) return undefined;
  return parts.length === 4 ? `${web}:${repo}:${ref}` : `${web}:${parts.slice(4).join('/')}:${ref}`;
}

/**
 * What the hub's `re.match(r'.*https?://(.*).com.*', link).group(1)` gives: the text after the last
 * `http(s)://` that still has a `com` at least one character later, up to the character before the
 * last `com`. Computed in one pass: run as a regular expression, that pattern takes minutes on a few
 * kilobytes of a pull request's `repo-link` (`https://https://...`).
 */
export function hubHostName(link: string): string | undefined {
  const newline = link.indexOf('\n');
  const line = newline === -1 ? link : link.slice(0, newline);
  const com = line.lastIndexOf('com');
  let hostStart = -1;
  for (let at = line.indexOf('http'); at !== -1; at = line.indexOf('http', at + 1)) {
    const end = line.startsWith('s://', at + 4) ? at + 8 : line.startsWith('://', at + 4) ? at + 7 : -1;
    if (end !== -1 && end <= com - 1) hostStart = end;
  }
  return hostStart === -1 ? undefined : line.slice(hostStart, com - 1);
}
