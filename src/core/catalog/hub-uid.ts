/**
 * The uid the hub loader derives from a `repo-link` (`get_repo_info_from_url` in the hub's
 * download.py): `<host>:<repo>:master` for a repository, `<host>:<repo>:<ref>` for a ref, and
 * `<host>:<folder>:<ref>` for a folder in it, where host is the name before `.com`.
 */
export function hubUid(repoLink: string): string | undefined {
  const link = repoLink.trim().replace(/^<|>$/g, '').replace(/\/+$/, '');
  // The hub's own pattern, greedy and with unescaped dots: kept as is so the uids are the same.
  const web = /.*https?:\/\/(.*).com.*/.exec(link)?.[1];
  const prefix = /^https?:\/\/[^/]+/.exec(link)?.[0];
  if (!web || !prefix) return undefined;
  const parts = link.slice(prefix.length).replace(/^\/+/, '').split('/');
  const [, repo, kind, ref] = parts;
  if (parts.length === 2 && repo) return `${web}:${repo}:master`;
  if (parts.length < 4 || (kind !== 'tree' && kind !== 'blob') || !ref) return undefined;
  return parts.length === 4 ? `${web}:${repo}:${ref}` : `${web}:${parts.slice(4).join('/')}:${ref}`;
}
