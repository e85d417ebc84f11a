import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config';

/**
 * Secrets the server must read back (the TOTP seeds) are kept sealed with AES-256-GCM under a key
 * that is not in the database (等级保护: 鉴别信息的存储保密性), so a copy of the database or of a
 * backup alone does not yield them.
 *
 * The key is DUBAN_SECRET_KEY (64 hex characters) when set — the same on every host that serves
 * one database — or else a key file in the data directory, created on first use, readable by the
 * server's user only. Whoever restores a backup elsewhere needs the same key; without it the
 * security administrator resets the second factors.
 */
const FILE_NAME = 'secret.key';
const SEALED = 'v1.';
const keys = new Map<string, Buffer>();

export function secretKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  if (config.secretKey) return Buffer.from(config.secretKey, 'hex');
  const file = path.join(config.dataDir, FILE_NAME);
  const cached = keys.get(file);
  if (cached) return cached;
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting at once cannot both write a key; the second reads the first's.
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const hex = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is not a key of 64 hex characters: restore it, or remove it and have the security administrator reset every two-step verification`);
  const key = Buffer.from(hex, 'hex');
  keys.set(file, key);
  return key;
}

export function sealSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return SEALED + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The secret; a value written before sealing existed is returned as it is. */
export function openSecret(key: Buffer, stored: string): string {
  if (!stored.startsWith(SEALED)) return stored;
  const raw = Buffer.from(stored.slice(SEALED.length), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('a sealed secret does not open with this key: set DUBAN_SECRET_KEY (or the data directory\'s secret.key) to the key it was sealed with');
  }
}
