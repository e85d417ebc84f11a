/**
 * The backup file (`duban backup`): gzip-compressed JSON lines, readable with zcat and jq.
 *   line 1      the header: format, version, engine, when, the schema's migrations, each table's
 *               columns, and which key signs the file (its id, never the key)
 *   then        one line per row: [table index, ...values]; bytes as {"$b64": "…"}
 *   last line   the trailer: rows per table and the HMAC-SHA-256 of every line before it, under the
 *               deployment's backup key (key.ts) — restore refuses a file whose MAC does not verify
 * Engine-neutral (timestamps are ISO text, flags 0/1, JSON as text on both engines), so a SQLite
 * district can move to PostgreSQL by backup and restore.
 */
export const BACKUP_FORMAT = 'duban-backup';
/** 2: the trailer is an HMAC (version 1 had a plain SHA-256, which an editor could recompute). */
export const BACKUP_VERSION = 2;

export type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: number;
  engine: 'sqlite' | 'postgres';
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
  mac: { alg: 'HMAC-SHA-256'; keyId: string };
};

export type BackupTrailer = { end: true; rows: Record<string, number>; hmac: string };

export function encodeValue(value: unknown): unknown {
  return Buffer.isBuffer(value) || value instanceof Uint8Array ? { $b64: Buffer.from(value).toString('base64') } : value;
}

export function decodeValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && '$b64' in value ? Buffer.from(String((value as { $b64: string }).$b64), 'base64') : value;
}
