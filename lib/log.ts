// The one logger: a JSON line per event on standard output (pino), for whatever collects the
// logs. JSON encodes line breaks and control characters in what people typed, so a log line
// cannot be forged by input; secrets are removed by name wherever they appear.
import pino from 'pino';
import { logLevel } from '@/lib/env';

const SECRETS = ['password', 'passwordHash', 'token', 'secret', 'totpSecret', 'authorization', 'cookie'];

/** A logger writing to `destination` (standard output by default; tests give their own). */
export function createLogger(destination?: pino.DestinationStream, level = logLevel()) {
  return pino({
    level,
    base: { service: 'tracker' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...SECRETS, ...SECRETS.map((key) => `*.${key}`), 'req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  }, destination);
}

export const log = createLogger();
