import { type DestinationStream, type Logger, pino } from 'pino';

/**
 * Where credentials and payloads can hide in a log record: request headers (a Gitee password is
 * its `X-Gitee-Token` as is; signatures can be replayed), API errors that carry their request, and
 * Probot's event records, which hold the whole payload a pull request controls.
 */
export const REDACTED_PATHS = [
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["x-gitee-token"]',
  '*.headers["x-hub-signature"]',
  '*.headers["x-hub-signature-256"]',
  '*.headers["x-gitcode-signature-256"]',
  '*.headers["x-gitcode-token"]',
  '*.headers["private-token"]',
  '*.request.headers.authorization',
  '*.request.url',
  'headers.authorization',
  'event.payload',
  'err.event',
  'payload',
];

/**
 * The process's structured log: JSON lines on stdout (pipe them through `pino-pretty` to read them
 * in a terminal). Probot logs through it too.
 */
export function createLogger(
  settings: { level: string; messageKey?: string },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: settings.level,
      ...(settings.messageKey ? { messageKey: settings.messageKey } : {}),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
