/**
 * The generator's dice: a number in [0, 1) from a hash of the seed and the parts that name the
 * decision ("status", district, year, unit, task…). The same options must give the same world on
 * every run and machine, so nothing uses Math.random. A 53-bit string hash (cyrb53) rather than
 * the demo's sha256: the province scale rolls several million times and sha256 would cost seconds.
 */
export type Dice = (...parts: (string | number)[]) => number;

function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function makeDice(seed: string): Dice {
  return (...parts) => cyrb53(`${seed}|${parts.join('|')}`) / 2 ** 53;
}

/** An integer in [min, max] from a roll. */
export const between = (r: number, min: number, max: number) => min + Math.floor(r * (max - min + 1));

/** One element of a list from a roll. */
export const pick = <T>(r: number, list: readonly T[]): T => list[Math.floor(r * list.length)]!;

/** The list in a deterministic order: sorted by each element's roll (ties by position). */
export function shuffle<T>(list: readonly T[], rollOf: (item: T, index: number) => number): T[] {
  return list
    .map((item, index) => ({ item, index, r: rollOf(item, index) }))
    .sort((a, b) => a.r - b.r || a.index - b.index)
    .map((x) => x.item);
}
