/**
 * The State Council's published holiday arrangements (国务院办公厅关于部分节假日安排的通知), as data:
 * the days off (放假) and the weekend days that are working days (调休上班). Weekends not listed
 * are days off and weekdays not listed are working days. Later years are added by the office in
 * its settings (core/calendar/work-calendar.ts merges them over these).
 *
 * Sources: 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025), 国办发明电〔2025〕7号 (2026).
 */
export type CalendarDay = { date: string; off: boolean; name: string };

type Arrangement = { name: string; off: [string, string]; workdays: string[] };

const ARRANGEMENTS: Record<number, Arrangement[]> = {
  2024: [
    { name: '元旦', off: ['2024-01-01', '2024-01-01'], workdays: [] },
    { name: '春节', off: ['2024-02-10', '2024-02-17'], workdays: ['2024-02-04', '2024-02-18'] },
    { name: '清明节', off: ['2024-04-04', '2024-04-06'], workdays: ['2024-04-07'] },
    { name: '劳动节', off: ['2024-05-01', '2024-05-05'], workdays: ['2024-04-28', '2024-05-11'] },
    { name: '端午节', off: ['2024-06-10', '2024-06-10'], workdays: [] },
    { name: '中秋节', off: ['2024-09-15', '2024-09-17'], workdays: ['2024-09-14'] },
    { name: '国庆节', off: ['2024-10-01', '2024-10-07'], workdays: ['2024-09-29', '2024-10-12'] },
  ],
  2025: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], workdays: [] },
    { name: '春节', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'], workdays: [] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'], workdays: [] },
    { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },
  ],
  2026: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
    { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'], workdays: [] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'], workdays: [] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'], workdays: [] },
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
  ],
};

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

function expand(a: Arrangement): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let t = Date.parse(`${a.off[0]}T00:00:00Z`); t <= Date.parse(`${a.off[1]}T00:00:00Z`); t += DAY) days.push({ date: iso(t), off: true, name: a.name });
  for (const w of a.workdays) days.push({ date: w, off: false, name: `${a.name}调休上班` });
  return days;
}

/** The years whose arrangement ships with Duban. */
export const SHIPPED_YEARS: readonly number[] = Object.keys(ARRANGEMENTS).map(Number);

/** Every listed day of the shipped years, in date order. */
export const SHIPPED_DAYS: readonly CalendarDay[] = Object.values(ARRANGEMENTS)
  .flat()
  .flatMap(expand)
  .sort((a, b) => a.date.localeCompare(b.date));
