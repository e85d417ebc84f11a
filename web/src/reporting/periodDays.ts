import type { PeriodScheduleSettings } from '../../../core/reporting/period-schedule';

/**
 * A period's days in words for the office: the deadline as printed and the one in force, when the
 * schedule opens and closes it, and who set its status. The dates come from the server (the
 * working-day calendar and core/reporting/period-schedule.ts); this only words them.
 */
export const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
export const ymd = (iso: string) => `${iso.slice(0, 4)}年${md(iso)}`;

type DeadlineFacts = {
  deadline: string;
  effectiveDeadline: string;
  deadlineHoliday: string | null;
  extensionReason: string | null;
};

/**
 * The deadline as printed and, when a day off moves it, the one in force: 「2024年10月1日（国庆节）」
 * then 「→ 顺延至10月8日」; an extension says what it replaced and why.
 */
export function deadlineText(p: DeadlineFacts): { main: string; moved: string | null; extension: string | null } {
  const extended = p.extensionReason !== null;
  const moved = p.deadlineHoliday !== null;
  if (moved && !extended)
    return {
      main: `${ymd(p.deadline)}（${p.deadlineHoliday}）`,
      moved: `→ 顺延至${md(p.effectiveDeadline)}`,
      extension: null,
    };
  return {
    main: ymd(p.effectiveDeadline),
    moved: moved ? `延期日逢${p.deadlineHoliday}，已顺延` : null,
    extension: extended ? `原定${md(p.deadline)}，已延期：${p.extensionReason}` : null,
  };
}

type ScheduleFacts = {
  status: 'planned' | 'open' | 'closed';
  statusSetBy: 'auto' | 'office';
  opensOn: string | null;
  closesOn: string;
  autoOpens: boolean;
  pastAtImport: boolean;
};

/**
 * When the schedule opens and closes the period, or that the office has taken it over. `why` follows
 * a switched-off setting (the settings card itself needs no pointer to the settings).
 */
export function scheduleText(
  p: ScheduleFacts,
  s: Pick<PeriodScheduleSettings, 'autoOpen' | 'autoClose'> | undefined,
  why = '（系统设置）',
): string[] {
  if (p.statusSetBy === 'office') return [`督查室已手动${p.status === 'closed' ? '关闭' : '开启'}，不再自动开启、关闭`];
  const opens =
    p.status !== 'planned'
      ? null
      : p.pastAtImport || !p.autoOpens
        ? '需督查室手动开启'
        : s && !s.autoOpen
          ? `不自动开启${why}`
          : p.opensOn === null
            ? '导入时开启'
            : `${md(p.opensOn)}自动开启`;
  const closes = p.status === 'closed' ? null : s && !s.autoClose ? `不自动关闭${why}` : `${md(p.closesOn)}自动关闭`;
  return [opens, closes].filter((x): x is string => x !== null);
}

/** Who set the status it has: 系统自动开启, 督查室手动关闭 …; nothing while it is still planned. */
export function setByText(p: Pick<ScheduleFacts, 'status' | 'statusSetBy'>): string | null {
  if (p.status === 'planned') return null;
  return `${p.statusSetBy === 'office' ? '督查室手动' : '系统自动'}${p.status === 'open' ? '开启' : '关闭'}`;
}

/** Days ahead of a deadline the office home warns of a period not yet open. */
export const DUE_SOON_DAYS = 14;

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Periods the office should open now: not open, due within DUE_SOON_DAYS (or already past their
 * deadline without ever opening), leaving aside those past at import — the office decides those.
 */
export function periodsDueUnopened<P extends { status: string; effectiveDeadline: string; pastAtImport: boolean }>(
  periods: readonly P[],
  today: string,
): P[] {
  const horizon = addDays(today, DUE_SOON_DAYS);
  return periods.filter((p) => p.status === 'planned' && !p.pastAtImport && p.effectiveDeadline <= horizon);
}
