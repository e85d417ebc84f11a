import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration is read from the environment once, at start, and validated here.
 * A bad value stops the process with a message naming the setting, the value and the fix,
 * so an operator never has to guess from a stack trace.
 */
const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite database)')
    .optional(),
  DUBAN_DATA_DIR: z.string().min(1).optional(),
  DUBAN_DEMO: boolFlag.optional(),
  DUBAN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  DUBAN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  DUBAN_COOKIE_SECURE: boolFlag.optional(),
  DUBAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DUBAN_WEB_DIR: z.string().min(1).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  dataDir: string;
  demo: boolean;
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean };
  logLevel: NonNullable<z.infer<typeof envSchema>['DUBAN_LOG_LEVEL']>;
  webDir: string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings are treated as "not set": `PORT= npm start` should mean the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '?');
        return `${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DUBAN_DATA_DIR ?? path.join(projectRoot, 'data'));
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'sqlite', file: path.join(dataDir, 'duban.sqlite') },
    dataDir,
    // The demo (sample accounts and data) is on for a fresh `npm start`, off in production
    // unless asked for explicitly.
    demo: e.DUBAN_DEMO ?? !production,
    session: {
      idleMinutes: e.DUBAN_SESSION_IDLE_MINUTES,
      maxHours: e.DUBAN_SESSION_MAX_HOURS,
      cookieSecure: e.DUBAN_COOKIE_SECURE ?? production,
    },
    // Request logs are for operators; a developer's `npm start` shows warnings only.
    logLevel: e.DUBAN_LOG_LEVEL ?? (production ? 'info' : 'warn'),
    webDir: path.resolve(e.DUBAN_WEB_DIR ?? path.join(projectRoot, 'web', 'dist')),
  };
}
