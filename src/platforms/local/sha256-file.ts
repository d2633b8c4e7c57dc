import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { MshubError } from '../../core/errors.js';
import { msg } from '../../core/messages/format-message.js';

/** SHA-256 of a local file as lowercase hex, streamed: memory stays flat whatever the file size. */
export async function sha256File(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new MshubError('PATH_NOT_FOUND', msg('cli.error-path-not-found', { path }));
  if (!info.isFile()) throw new MshubError('USAGE', `${path} is not a file.`);
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash);
  return hash.digest('hex');
}
