import type { LightResult } from './lights';

/**
 * The tasks most behind — the dashboard's list and a bulletin's 滞后事项 read the same ranking: red
 * before yellow, then by how far progress trails the schedule (序时进度); green, blue and grey are
 * not behind. Ties keep the order given (the printed order of the ledger).
 */
export function behindGap(l: Pick<LightResult, 'schedule' | 'progress'>): number {
  return l.progress === null ? 0 : Math.max(0, l.schedule - l.progress);
}

export function mostBehind<T>(items: readonly T[], lightOf: (item: T) => LightResult, limit = Infinity): T[] {
  const rank = (l: LightResult) => (l.light === 'red' ? 2 : 1);
  return items
    .map((item, i) => ({ item, i, l: lightOf(item) }))
    .filter((x) => x.l.light === 'red' || x.l.light === 'yellow')
    .sort((a, b) => rank(b.l) - rank(a.l) || behindGap(b.l) - behindGap(a.l) || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.item);
}
