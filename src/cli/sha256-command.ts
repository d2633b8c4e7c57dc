import { MshubError } from '../core/errors.js';
import { msg } from '../core/messages/format-message.js';
import { DownloadError } from '../net/download-error.js';
import { sha256File } from '../platforms/local/sha256-file.js';
import { EXIT } from './exit-codes.js';
import type { CliIo } from './validate-command.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** `mshub-review sha256 FILE|URL`: prints the digest; a URL goes through the guarded downloader. */
export async function runSha256(target: string, io: CliIo): Promise<number> {
  if (!URL_LIKE.test(target)) {
    io.stdout.write(`${await sha256File(target)}\n`);
    return EXIT.OK;
  }
  if (!target.toLowerCase().startsWith('https://')) {
    throw new MshubError('USAGE', msg('cli.error-sha256-not-https', { target }));
  }
  const hasher = (await import('./cli-hasher.js')).createCliHasher(io);
  try {
    const resource = await hasher.hashResource(target);
    io.stdout.write(`${resource.sha256}\n`);
    return EXIT.OK;
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    io.stderr.write(`mshub-review: ${target} could not be hashed: ${error.message}\n`);
    return EXIT.FINDINGS;
  } finally {
    await hasher.close();
  }
}
