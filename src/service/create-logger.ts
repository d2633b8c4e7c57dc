import { type Logger, pino } from 'pino';

/**
 * The process's structured log: JSON lines on stdout (pipe them through `pino-pretty` to read them
 * in a terminal). Probot logs through it too, with the delivery id on each webhook's lines.
 */
export function createLogger(probotEnv: Readonly<Record<string, string>>): Logger {
  return pino({
    level: probotEnv.LOG_LEVEL || 'info',
    ...(probotEnv.LOG_MESSAGE_KEY ? { messageKey: probotEnv.LOG_MESSAGE_KEY } : {}),
  });
}
