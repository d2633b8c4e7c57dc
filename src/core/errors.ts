import { formatMessage } from './messages/format-message.js';
import type { Language, Message } from './messages/message-spec.js';

export type MshubErrorCode =
  | 'CONFIG_INVALID'
  | 'PATH_NOT_FOUND'
  | 'USAGE'
  /** The person at the terminal stopped a question (Ctrl+C, Ctrl+D). */
  | 'INTERRUPTED'
  | 'FILE_UNREADABLE'
  /** `fix` could not write a file back. */
  | 'FILE_UNWRITABLE'
  /** What a process keeps between runs (an audit's records) could not be written: a full disk. */
  | 'STATE_UNWRITABLE'
  /** A job names a platform (or the GitHub App) this process has no credentials for. */
  | 'PLATFORM_NOT_CONFIGURED'
  /** A hub's file tree could not be listed whole. */
  | 'HUB_TREE_UNREADABLE'
  /** A publisher could not deliver the catalog. */
  | 'PUBLISH_FAILED'
  /** A path named by a pull request could leave the folder or endpoint it is meant for. */
  | 'UNSAFE_PATH'
  /** `serve` or `worker` was started where their server dependencies are absent (the single-file build). */
  | 'SERVER_UNAVAILABLE'
  /** The process is stopping: work in hand was set aside for the next start, and none is taken. */
  | 'SHUTTING_DOWN'
  /** A review failed, and saying so on the pull request failed too: only the log, /status and /metrics know. */
  | 'REVIEW_UNREPORTED';

/**
 * An error the program expects and can explain; `code` is stable for callers and tests. One a
 * contributor reads is built from a catalog message, so the CLI can say it in their language.
 */
export class MshubError extends Error {
  readonly code: MshubErrorCode;
  readonly i18n?: Message;

  constructor(code: MshubErrorCode, message: string | Message, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : formatMessage(message, 'en'), options);
    this.name = 'MshubError';
    this.code = code;
    if (typeof message !== 'string') this.i18n = message;
  }

  /** The message in a language, when it came from the catalog; else as written (operators' errors). */
  inLanguage(language: Language): string {
    return this.i18n === undefined ? this.message : formatMessage(this.i18n, language);
  }
}

export function isMshubError(error: unknown, code?: MshubErrorCode): error is MshubError {
  return error instanceof MshubError && (code === undefined || error.code === code);
}

/** Work in hand was stopped because the process is shutting down; it is kept for the next start. */
export function shutdownError(): MshubError {
  return new MshubError(
    'SHUTTING_DOWN',
    'the process is shutting down; the work was set aside for the next start',
  );
}
