export type MshubErrorCode =
  | 'CONFIG_INVALID'
  | 'PATH_NOT_FOUND'
  | 'USAGE'
  | 'FILE_UNREADABLE'
  /** `fix` could not write a file back. */
  | 'FILE_UNWRITABLE'
  /** A job names a platform (or the GitHub App) this process has no credentials for. */
  | 'PLATFORM_NOT_CONFIGURED'
  /** A hub's file tree could not be listed whole. */
  | 'HUB_TREE_UNREADABLE'
  /** A publisher could not deliver the catalog. */
  | 'PUBLISH_FAILED'
  /** A path named by a pull request could leave the folder or endpoint it is meant for. */
  | 'UNSAFE_PATH'
  /** `serve` or `worker` was started where their server dependencies are absent (the single-file build). */
  | 'SERVER_UNAVAILABLE';

/** An error the program expects and can explain; `code` is stable for callers and tests. */
export class MshubError extends Error {
  readonly code: MshubErrorCode;

  constructor(code: MshubErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MshubError';
    this.code = code;
  }
}

export function isMshubError(error: unknown, code?: MshubErrorCode): error is MshubError {
  return error instanceof MshubError && (code === undefined || error.code === code);
}
