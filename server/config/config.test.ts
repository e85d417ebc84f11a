import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to SQLite under data/, port 3000, demo on outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ engine: 'sqlite', file: expect.stringMatching(/data[/\\]duban\.sqlite$/) });
    expect(c.demo).toBe(true);
  });

  it('puts the database under DUBAN_DATA_DIR and uses PostgreSQL when DATABASE_URL says so', () => {
    expect(loadConfig({ DUBAN_DATA_DIR: '/srv/duban' }).database).toEqual({ engine: 'sqlite', file: path.join('/srv/duban', 'duban.sqlite') });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ engine: 'postgres', url: 'postgres://u@h/db', readUrl: null });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_READ_URL: 'postgres://u@r/db' }).database).toMatchObject({ readUrl: 'postgres://u@r/db' });
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://u@r/db' })).toThrow(/DATABASE_READ_URL is set but DATABASE_URL is not/);
  });

  it('turns the demo off in production unless asked for, and secures cookies there', () => {
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(prod.demo).toBe(false);
    expect(prod.session.cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', DUBAN_DEMO: 'on' }).demo).toBe(true);
  });

  it('has every security control on by default in production', () => {
    const prod = loadConfig({ NODE_ENV: 'production' });
    expect(prod.lockout).toEqual({ attempts: 5, minutes: 15 });
    expect(prod.rateLimits).toEqual({ signInPerWindow: 30, uploadsPerWindow: 30, windowSeconds: 60 });
    expect(prod.session).toMatchObject({ idleMinutes: 30, maxHours: 12, cookieSecure: true });
    expect(prod.trustProxy).toBe('loopback');
  });

  it('stops on a bad value with a message naming the setting, the value and why', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DUBAN_DEMO: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (e) {
      const msg = (e as ConfigError).message;
      expect(msg).toMatch(/PORT="eighty"/);
      expect(msg).toMatch(/DATABASE_URL="mysql:\/\/x": must start with postgres:\/\//);
      expect(msg).toMatch(/DUBAN_DEMO="maybe"/);
    }
  });

  it('fixes the business date for the demo, or where DUBAN_TODAY says, and refuses a non-date', () => {
    expect(loadConfig({}).today).toBe('2024-06-25');
    expect(loadConfig({ NODE_ENV: 'production' }).today).toBeNull();
    expect(loadConfig({ DUBAN_TODAY: '2024-09-28' }).today).toBe('2024-09-28');
    expect(() => loadConfig({ DUBAN_TODAY: '2024-02-30' })).toThrow(/DUBAN_TODAY="2024-02-30"/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
