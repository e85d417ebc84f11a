import { createHash } from 'node:crypto';

/**
 * The demo's dice: a number in [0, 1) from the hash of its parts. The demo must be the same on
 * every start and every machine (tests and screenshots rely on it), so nothing uses Math.random.
 */
export const roll = (...parts: (string | number)[]) =>
  createHash('sha256').update(parts.join('|')).digest().readUInt32BE(0) / 2 ** 32;
