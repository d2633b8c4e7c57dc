import { MshubError } from '../core/errors.js';

/**
 * The URL of `path` below the API root, refusing any path that the URL parser would move elsewhere
 * (`..` and `.` segments, in any encoding, or backslashes): a path from a pull request must never
 * take the bot's token to another endpoint or another repository.
 */
export function endpointUrl(apiUrl: string, path: string): URL {
  const root = apiUrl.replace(/\/+$/, '');
  const url = new URL(`${root}${path}`);
  if (
    !path.startsWith('/') ||
    url.pathname !== `${new URL(root).pathname.replace(/\/+$/, '')}${path.split('?')[0]}`
  )
    throw new MshubError(
      'UNSAFE_PATH',
      `refused to call the API at ${JSON.stringify(path.slice(0, 200))}: it leaves its endpoint`,
    );
  return url;
}
