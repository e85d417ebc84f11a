import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config';
import { openSecret, sealSecret, secretKey } from './secret-box';

describe('sealed secrets', () => {
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'duban-key-'));

  it('seals with AES-256-GCM: the stored text holds nothing of the secret and opens only with the key', () => {
    const key = secretKey({ secretKey: 'ab'.repeat(32), dataDir: dataDir() });
    const sealed = sealSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret(key, 'JBSWY3DPEHPK3PXP')).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    const other = secretKey({ secretKey: 'cd'.repeat(32), dataDir: dataDir() });
    expect(() => openSecret(other, sealed)).toThrow(/DUBAN_SECRET_KEY/);
    // A flipped bit in the stored text is found (GCM's tag), not decrypted into a wrong secret.
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => openSecret(key, tampered)).toThrow();
  });

  it('without DUBAN_SECRET_KEY, creates a key file only the server may read, once, and keeps using it', () => {
    const dir = dataDir();
    const key = secretKey({ secretKey: null, dataDir: dir });
    const file = path.join(dir, 'secret.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(secretKey({ secretKey: null, dataDir: dir }).equals(key)).toBe(true);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'));
  });

  it('reads a secret stored before sealing existed as it is', () => {
    expect(openSecret(secretKey({ secretKey: 'ab'.repeat(32), dataDir: dataDir() }), 'JBSWY3DPEHPK3PXP')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a DUBAN_SECRET_KEY that is not 64 hex characters, saying how to make one', () => {
    expect(() => loadConfig({ DUBAN_SECRET_KEY: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ DUBAN_SECRET_KEY: 'short' })).toThrow(/openssl rand -hex 32/);
    expect(loadConfig({ DUBAN_SECRET_KEY: 'AB'.repeat(32) }).secretKey).toBe('AB'.repeat(32));
  });
});
