import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { secretKey } from '../auth/secret-box';
import type { Config } from '../config/config';

/**
 * The key that signs backups (an HMAC-SHA-256 over every line of the file). A plain checksum only
 * finds damage: anyone who edits a backup — a viewer made office — can recompute it. The MAC needs
 * a key the backup does not hold: it is derived from the deployment's secret key (DUBAN_SECRET_KEY,
 * else the data directory's secret.key, see auth/secret-box.ts), which lives outside the database
 * and so is never written into a backup. One key to keep, not two: whoever restores a backup
 * already needs that key to open the sealed two-step secrets. HKDF with its own label keeps the MAC
 * key apart from the sealing key.
 */
export function backupKey(config: Pick<Config, 'secretKey' | 'dataDir'>): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey(config), Buffer.alloc(0), 'duban backup hmac-sha256 v2', 32));
}

/** Names the key without revealing it: restore tells "another key" apart from "an altered file". */
export function backupKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('duban backup key id').digest('hex').slice(0, 16);
}

export function backupMac(key: Buffer) {
  return createHmac('sha256', key);
}

/** Constant-time comparison of two hex MACs. */
export function sameMac(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, 'hex'), Buffer.from(b, 'hex')];
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}
