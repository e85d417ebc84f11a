import { expect } from 'vitest';
import { EDITABLE_STATES, TRANSITIONS, type ReportState, type ReportTransition } from '../../core/reporting/states';
import type { Db } from '../db/connection';
import { auditEntries, type Outcome } from './crash-support';

/**
 * What the report workload sent, and the checks of the stored reports against it and against
 * the audit trail after a crash and restart.
 */
export type SentSave = {
  kind: 'save';
  reportId: number;
  taskId: number;
  narrative: string;
  value: number;
  outcome: Outcome<{ version: number }>;
};
export type SentTransition = {
  kind: 'transition';
  reportId: number;
  transition: ReportTransition;
  outcome: Outcome<{ report: { version: number; state: string } }>;
};
export type SentOpen = { kind: 'open'; unitId: number; outcome: Outcome<{ report: { id: number } }> };
export type SentReportWrite = SentSave | SentTransition | SentOpen;

/** How many in-app notifications each move writes (one clerk and one head per unit, one office user). */
const NOTIFIED: Record<ReportTransition, number> = {
  submit: 1,
  approve: 1,
  head_return: 2,
  office_return: 2,
  accept: 2,
  withdraw: 1,
  head_withdraw: 1,
};

const count = <T>(xs: T[], pred: (x: T) => boolean) => xs.filter(pred).length;

export async function checkReports(
  db: Db,
  input: { orgId: number; periodId: number; entriesPerReport: number; sent: SentReportWrite[] },
) {
  const { sent } = input;
  const reports = await db.selectFrom('unit_reports').selectAll().where('period_id', '=', input.periodId).execute();
  const entries = await db
    .selectFrom('task_progress')
    .selectAll()
    .where('report_id', 'in', reports.length ? reports.map((r) => r.id) : [-1])
    .execute();
  const actuals = await db
    .selectFrom('indicator_actuals')
    .select(['progress_id', 'value'])
    .where('progress_id', 'in', entries.length ? entries.map((e) => e.id) : [-1])
    .execute();
  const audit = await auditEntries(db, [
    'report.create',
    'progress.save',
    ...Object.keys(TRANSITIONS).map((t) => `report.${t}`),
  ]);
  const reportIds = new Set(reports.map((r) => r.id));
  const entryOf = new Map(entries.map((e) => [e.id, e]));

  // Every report acknowledged as opened exists, created once, with all its entries.
  for (const s of sent)
    if (s.kind === 'open' && s.outcome.kind === 'acked') expect(reportIds.has(s.outcome.body.report.id)).toBe(true);
  expect(
    audit
      .filter((e) => e.action === 'report.create')
      .map((e) => e.entityId)
      .sort(),
  ).toEqual([...reportIds].sort());
  let transitions = 0;
  for (const r of reports) {
    const mine = entries.filter((e) => e.report_id === r.id);
    expect(mine.length).toBe(input.entriesPerReport);

    // Replaying the audit trail of the report reaches its stored state and version, and every
    // save falls in a state where saving is allowed.
    let state: ReportState = 'draft';
    let version = 1;
    for (const e of audit) {
      const isSave = e.action === 'progress.save' && entryOf.get(e.entityId)?.report_id === r.id;
      if (isSave) {
        expect(
          EDITABLE_STATES,
          `entry ${e.entityId} saved while report ${r.id} was ${state} (audit ${e.seq})`,
        ).toContain(state);
        continue;
      }
      if (e.entityId !== r.id || !e.action.startsWith('report.') || e.action === 'report.create') continue;
      const t = e.action.slice('report.'.length) as ReportTransition;
      expect({ seq: e.seq, ...e.before }).toEqual({ seq: e.seq, state, version });
      state = TRANSITIONS[t].to;
      version += 1;
      expect(e.after).toMatchObject({ state, version });
      transitions += NOTIFIED[t];
    }
    expect({ id: r.id, state: r.state, version: r.version }).toEqual({ id: r.id, state, version });

    // Nothing of a move half-written: the columns each state needs are there.
    if (r.state !== 'draft') expect([r.submitted_at, r.submitted_by]).not.toContain(null);
    if (r.state === 'submitted') expect([r.approved_at, r.approved_by, r.first_reached_on]).not.toContain(null);
    if (r.state === 'returned') expect(r.returned_by_role).not.toBeNull();
    // The office's comments stay with the unit (clerk and head) until the head sends the report back.
    if (r.state === 'submitted') expect(mine.map((e) => e.office_comment)).toEqual(mine.map(() => null));
    if (r.state === 'returned' && r.returned_by_role === 'office')
      expect(mine.some((e) => e.office_comment)).toBe(true);

    // Acknowledged moves survived; the version counts every committed move, acknowledged or cut.
    const moves = sent.filter((s): s is SentTransition => s.kind === 'transition' && s.reportId === r.id);
    for (const m of moves.filter((x) => x.outcome.kind === 'acked')) {
      const v = (m.outcome as { body: { report: { version: number } } }).body.report.version;
      expect(
        audit.some((e) => e.action === `report.${m.transition}` && e.entityId === r.id && e.after!.version === v),
      ).toBe(true);
    }
    expect(r.version - 1).toBeGreaterThanOrEqual(count(moves, (m) => m.outcome.kind === 'acked'));
    expect(r.version - 1).toBeLessThanOrEqual(count(moves, (m) => m.outcome.kind !== 'refused'));
  }

  // Each entry: as many audited saves as version bumps, the last one is what is stored (text and
  // actual), every acknowledged save is in the trail, none beyond what was sent.
  for (const e of entries) {
    const saves = audit.filter((a) => a.action === 'progress.save' && a.entityId === e.id);
    expect(saves.length).toBe(e.version - 1);
    const last = saves.at(-1)?.after as { narrative: string; status: string; actuals: { value: number }[] } | undefined;
    const stored = actuals.filter((a) => a.progress_id === e.id).map((a) => a.value);
    expect({ narrative: e.narrative, status: e.status, actuals: stored }).toEqual(
      last
        ? { narrative: last.narrative, status: last.status, actuals: last.actuals.map((a) => a.value) }
        : { narrative: '', status: e.status, actuals: [] },
    );
    const mine = sent.filter(
      (s): s is SentSave => s.kind === 'save' && s.reportId === e.report_id && s.taskId === e.task_id,
    );
    const texts = new Set(saves.map((s) => (s.after as { narrative: string }).narrative));
    for (const s of mine.filter((x) => x.outcome.kind === 'acked')) expect(texts.has(s.narrative)).toBe(true);
    expect(e.version - 1).toBeGreaterThanOrEqual(count(mine, (s) => s.outcome.kind === 'acked'));
    expect(e.version - 1).toBeLessThanOrEqual(count(mine, (s) => s.outcome.kind !== 'refused'));
  }

  // The notifications of each move were written with it.
  const notes = await db
    .selectFrom('notifications')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('kind', '=', 'report')
    .execute();
  expect(notes.length).toBe(transitions);
}
