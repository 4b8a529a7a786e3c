import { type Logger, pino } from 'pino';

/** JSON logs on stdout; anything that could carry a secret is redacted by key. */
export const createLogger = (level: string, name: string): Logger =>
  pino({
    name,
    level,
    redact: {
      paths: ['token', '*.token', 'secret', '*.secret', 'headers.cookie', '*.headers.cookie'],
      censor: '[redacted]',
    },
  });
