import type { WorkCalendar } from '../../core/calendar/work-calendar';
import type { PeriodPlan } from '../../core/reporting/periods';
import { periodDeadline } from '../../core/reporting/standing';
import type { Db } from '../db/connection';

/** `openedAt`: the business time of the import, when the schedule opens a period at once. */
export function insertPeriods(db: Db, orgId: number, noticeId: number, plans: (PeriodPlan & { pastAtImport: boolean; status: 'planned' | 'open' | 'closed' })[], openedAt: string) {
  if (plans.length === 0) return Promise.resolve();
  const now = new Date().toISOString();
  return db
    .insertInto('periods')
    .values(
      plans.map((p) => ({
        org_id: orgId,
        notice_id: noticeId,
        position: p.position,
        kind: p.kind,
        label: p.label,
        deadline: p.deadline,
        past_at_import: p.pastAtImport ? 1 : 0,
        status: p.status,
        opened_at: p.status === 'planned' ? null : openedAt,
        closed_at: p.status === 'closed' ? openedAt : null,
        updated_at: now,
      })),
    )
    .execute();
}

export function listPeriods(db: Db, orgId: number) {
  return db
    .selectFrom('periods')
    .innerJoin('notices', 'notices.id', 'periods.notice_id')
    .selectAll('periods')
    .select(['notices.doc_number', 'notices.year'])
    .where('periods.org_id', '=', orgId)
    .orderBy('notices.id', 'desc')
    .orderBy('periods.position')
    .execute();
}

export function findPeriod(db: Db, id: number) {
  return db.selectFrom('periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export type Period = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

/** The deadline in force: the extension when the office granted one, moved off a day off on the organisation's calendar. */
export function effectiveDeadline(p: Pick<Period, 'deadline' | 'extended_deadline'>, calendar: WorkCalendar): string {
  return periodDeadline({ deadline: p.deadline, extendedDeadline: p.extended_deadline }, calendar).effective;
}
