import path from 'node:path';
import { z } from 'zod';
import { normaliseHost } from '../channels/outbound-host';
import { messagingConfig, messagingEnvSchema, type MessagingConfig } from './messaging';
import { ssoConfig, ssoEnvSchema, ssoProblems, type SsoConfig } from './sso';

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
  /** A streaming replica for read-only requests (issue 19, server/db/read-replica.ts); needs DATABASE_URL. */
  DATABASE_READ_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (a hot standby of DATABASE_URL)')
    .optional(),
  DUBAN_DATA_DIR: z.string().min(1).optional(),
  DUBAN_DEMO: boolFlag.optional(),
  DUBAN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  DUBAN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  DUBAN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(3).max(20).default(5),
  DUBAN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Per client address and window; 0 switches a limit off. Generous enough for an office behind one NAT.
  DUBAN_RATE_LIMIT_SIGN_IN: z.coerce.number().int().min(0).max(100_000).default(30),
  DUBAN_RATE_LIMIT_UPLOADS: z.coerce.number().int().min(0).max(100_000).default(30),
  DUBAN_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  DUBAN_COOKIE_SECURE: boolFlag.optional(),
  DUBAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DUBAN_WEB_DIR: z.string().min(1).optional(),
  DUBAN_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      // V8 rolls 2024-02-30 over to March; a real date survives the round trip.
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
    }, 'is not a real date')
    .optional(),
  DUBAN_SCHEDULER: boolFlag.optional(),
  /** Memory for answers kept per process (server/cache/); 0 turns the answer cache off. */
  DUBAN_ANSWER_CACHE_MB: z.coerce.number().int().min(0).max(16_384).default(128),
  /** Whose X-Forwarded-For to believe (Fastify's trustProxy): addresses, ranges, or 'loopback'. */
  DUBAN_TRUST_PROXY: z.string().min(1).default('loopback'),
  // The key that seals the TOTP secrets; without it, a key file in the data directory is used.
  DUBAN_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hex characters (32 random bytes, e.g. `openssl rand -hex 32`)')
    .optional(),
  /**
   * Hosts the outgoing channels may reach besides the official WeCom/DingTalk robot hosts (the
   * intranet SMTP server, a robot proxy): comma- or space-separated names or IP addresses, no
   * scheme or port. A host named here may resolve to a private address; see channels/outbound-host.ts.
   */
  DUBAN_CHANNEL_HOSTS: z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine(
      (hosts) => hosts.every((h) => normaliseHost(h) !== null),
      'host names or IP addresses separated by commas, without scheme or port (e.g. smtp.example.gov.cn,10.1.2.3)',
    )
    .optional(),
}).merge(messagingEnvSchema).merge(ssoEnvSchema);

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** readUrl: a hot standby that answers read-only requests it has caught up for (DATABASE_READ_URL). */
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; readUrl: string | null };
  dataDir: string;
  /** Hex key sealing the TOTP secrets (DUBAN_SECRET_KEY); null: the data directory's secret.key. */
  secretKey: string | null;
  demo: boolean;
  session: { idleMinutes: number; maxHours: number; cookieSecure: boolean };
  /** Sign-in lockout: so many consecutive failures lock the account for so many minutes. */
  lockout: { attempts: number; minutes: number };
  /** Requests per client address and window on sign-in and on uploads (0 = off). */
  rateLimits: { signInPerWindow: number; uploadsPerWindow: number; windowSeconds: number };
  logLevel: NonNullable<z.infer<typeof envSchema>['DUBAN_LOG_LEVEL']>;
  webDir: string;
  /**
   * The business calendar's "today" when fixed (deadlines, lateness, lights, reminders), or null
   * for the real date. The demo's notice is from 2024, so the demo fixes 2024-06-25 by default.
   */
  today: string | null;
  /**
   * Whether `duban serve` runs the in-process reminder schedule (sweep every 15 minutes and at
   * start, sender every 20 seconds). On by default, off under NODE_ENV=test unless DUBAN_SCHEDULER=on.
   */
  scheduler: boolean;
  /** Bytes of answers each process keeps in memory (DUBAN_ANSWER_CACHE_MB); 0: none. */
  answerCacheBytes: number;
  /** The reverse proxies whose X-Forwarded-For is believed (client address in sessions and the audit log). */
  trustProxy: string;
  /** Hosts the outgoing channels may reach besides the official robot hosts (DUBAN_CHANNEL_HOSTS), normalised. */
  channelHosts: string[];
  /** WeCom 应用消息, DingTalk 工作通知 and the SMS gateway (messaging.ts); a channel is null when not configured. */
  messaging: MessagingConfig;
  /** Single sign-on through the platform (sso.ts); each flow null when not configured. */
  sso: SsoConfig;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** A week before the seed notice's Q2 deadline: the demo's dashboard and reminders make sense. */
export const DEMO_TODAY = '2024-06-25';

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
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError([`DATABASE_READ_URL is set but DATABASE_URL is not: a read replica needs its PostgreSQL primary in DATABASE_URL (or unset DATABASE_READ_URL to use SQLite)`]);
  }
  const ssoIssues = ssoProblems(e);
  if (ssoIssues.length > 0) throw new ConfigError(ssoIssues);
  const production = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DUBAN_DATA_DIR ?? path.join(projectRoot, 'data'));
  // The demo (sample accounts and data) is on for a fresh `npm start`, off in production
  // unless asked for explicitly.
  const demo = e.DUBAN_DEMO ?? !production;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL, readUrl: e.DATABASE_READ_URL ?? null }
      : { engine: 'sqlite', file: path.join(dataDir, 'duban.sqlite') },
    dataDir,
    secretKey: e.DUBAN_SECRET_KEY ?? null,
    demo,
    session: {
      idleMinutes: e.DUBAN_SESSION_IDLE_MINUTES,
      maxHours: e.DUBAN_SESSION_MAX_HOURS,
      cookieSecure: e.DUBAN_COOKIE_SECURE ?? production,
    },
    lockout: { attempts: e.DUBAN_LOCKOUT_ATTEMPTS, minutes: e.DUBAN_LOCKOUT_MINUTES },
    rateLimits: {
      signInPerWindow: e.DUBAN_RATE_LIMIT_SIGN_IN,
      uploadsPerWindow: e.DUBAN_RATE_LIMIT_UPLOADS,
      windowSeconds: e.DUBAN_RATE_LIMIT_WINDOW_SECONDS,
    },
    // Request logs are for operators; a developer's `npm start` shows warnings only.
    logLevel: e.DUBAN_LOG_LEVEL ?? (production ? 'info' : 'warn'),
    webDir: path.resolve(e.DUBAN_WEB_DIR ?? path.join(projectRoot, 'web', 'dist')),
    today: e.DUBAN_TODAY ?? (demo ? DEMO_TODAY : null),
    scheduler: e.DUBAN_SCHEDULER ?? e.NODE_ENV !== 'test',
    answerCacheBytes: e.DUBAN_ANSWER_CACHE_MB * 1024 * 1024,
    trustProxy: e.DUBAN_TRUST_PROXY,
    channelHosts: (e.DUBAN_CHANNEL_HOSTS ?? []).map((h) => normaliseHost(h)!),
    messaging: messagingConfig(e),
    sso: ssoConfig(e),
  };
}
