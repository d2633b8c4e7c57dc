import { MshubError } from '../../core/errors.js';
import type { GiteeApi } from './gitee-api.js';

interface TreeEntry {
  path?: string;
  type?: string;
  sha?: string;
}

interface TreeAnswer {
  tree?: TreeEntry[];
  /** A string in Gitee's API spec (go-gitee `Tree.Truncated string`), a boolean in some answers. */
  truncated?: boolean | string;
}

/** Only `true` and `"true"` mean truncated: `"false"` is a non-empty string, not a truncated tree. */
export function isTruncated(value: unknown): boolean {
  return value === true || value === 'true';
}

/** A tree of this many folders read one by one is not a hub: stop rather than call the API forever. */
const MAX_TREE_REQUESTS = 500;

/**
 * The blobs (path → blob id) of a commit's tree, in one request when Gitee answers it whole. When it
 * says the tree is truncated, only the `folders` asked for are read, folder by folder, each in one
 * request when that fits: a large repository still yields its `mshub_res`.
 */
export async function readGiteeTree(
  api: GiteeApi,
  repoBase: string,
  sha: string,
  folders: readonly string[],
): Promise<Map<string, string>> {
  let requests = 0;
  const get = async (treeSha: string, recursive: boolean): Promise<TreeAnswer> => {
    if (++requests > MAX_TREE_REQUESTS)
      throw new MshubError(
        'HUB_TREE_UNREADABLE',
        `the tree at ${sha} needs more than ${MAX_TREE_REQUESTS} requests to list`,
      );
    return (
      (await api.request<TreeAnswer>('GET', `${repoBase}/git/trees/${encodeURIComponent(treeSha)}`, {
        query: recursive ? { recursive: 1 } : {},
      })) ?? {}
    );
  };
  const blobs = new Map<string, string>();
  const add = (entries: readonly TreeEntry[], prefix: string) => {
    for (const entry of entries)
      if (entry.type === 'blob' && entry.path && entry.sha) blobs.set(`${prefix}${entry.path}`, entry.sha);
  };
  // A folder whose recursive listing is cut: its direct entries, then each subfolder the same way.
  const readFolder = async (treeSha: string, prefix: string): Promise<void> => {
    const whole = await get(treeSha, true);
    if (!isTruncated(whole.truncated)) return add(whole.tree ?? [], prefix);
    const direct = (await get(treeSha, false)).tree ?? [];
    add(direct, prefix);
    for (const entry of direct)
      if (entry.type === 'tree' && entry.path && entry.sha)
        await readFolder(entry.sha, `${prefix}${entry.path}/`);
  };

  const whole = await get(sha, true);
  if (!isTruncated(whole.truncated)) {
    add(whole.tree ?? [], '');
    return blobs;
  }
  const top = (await get(sha, false)).tree ?? [];
  add(top, '');
  const wanted = new Set(folders.map((folder) => folder.split('/')[0]));
  for (const entry of top)
    if (entry.type === 'tree' && entry.path && entry.sha && wanted.has(entry.path))
      await readFolder(entry.sha, `${entry.path}/`);
  return blobs;
}
