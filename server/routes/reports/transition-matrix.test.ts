import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_STATES, TRANSITIONS, type ReportState, type ReportTransition } from '../../../core/reporting/states';
import type { Role } from '../../../core/roles';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));
const PATHS: Record<ReportTransition, string> = {
  submit: 'submit',
  approve: 'approve',
  head_return: 'head-return',
  accept: 'accept',
  office_return: 'office-return',
  withdraw: 'withdraw',
  head_withdraw: 'head-withdraw',
};

/**
 * Every report transition × every state × every role, for the unit's own report and another
 * unit's: the expected answer is derived from core/reporting/states.ts, and each attempt that
 * must be refused leaves the report exactly as it was.
 */
describe('report transitions: the whole matrix', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let reportId: number;
  let taskId: number;
  const actors: { name: string; role: Role; ownUnit: boolean; client: Client }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const org = await makeOrg(t.ctx);
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const unit = async (name: string) => (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
    const a = await unit('区交通运输局');
    const b = await unit('区教育局');
    const leaderId = (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', org.id).limit(1).executeTakeFirstOrThrow()).id;
    const add = async (name: string, role: Role, ownUnit: boolean, opts: { unitId?: number; leaderId?: number } = {}) =>
      actors.push({ name, role, ownUnit, client: await signInAs(t.app, (await makeUser(t.ctx, org.id, role, opts)).username) });
    await add('clerk of the unit', 'unit_staff', true, { unitId: a });
    await add('head of the unit', 'unit_head', true, { unitId: a });
    await add('clerk of another unit', 'unit_staff', false, { unitId: b });
    await add('head of another unit', 'unit_head', false, { unitId: b });
    await add('office', 'office', true);
    await add('leader', 'leader', true, { leaderId });
    await add('viewer', 'viewer', true);
    const office = actors.find((x) => x.role === 'office')!.client;
    const q2 = (await office.request('GET', '/api/periods')).json().items[1];
    await office.request('POST', `/api/periods/${q2.id}/open`);
    const view = (await actors[0]!.client.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    reportId = view.report.id;
    await fillBlankEntries(t.ctx.db, reportId);
    taskId = view.items[0].taskId;
  });
  afterAll(() => t.close());

  function expected(transition: ReportTransition, state: ReportState, actor: (typeof actors)[number]) {
    const rule = TRANSITIONS[transition];
    if (actor.role !== rule.role) return { status: 403, code: 'FORBIDDEN' };
    if (!actor.ownUnit) return { status: 403, code: 'FORBIDDEN_OTHER_UNIT' };
    if (!rule.from.includes(state)) return { status: 409, code: 'REPORT_WRONG_STATE' };
    return { status: 200, code: null };
  }

  for (const transition of Object.keys(TRANSITIONS) as ReportTransition[]) {
    it(`${transition}: answers each role in each state as declared`, async () => {
      let checked = 0;
      for (const state of REPORT_STATES) {
        for (const actor of actors) {
          await t.ctx.db.updateTable('unit_reports').set({ state, version: 7 }).where('id', '=', reportId).execute();
          const res = await actor.client.request('POST', `/api/reports/${reportId}/${PATHS[transition]}`, {
            version: 7,
            reason: '理由',
            taskReasons: [{ taskId, reason: '请补充' }],
          });
          const want = expected(transition, state, actor);
          const where = `${transition} by ${actor.name} in ${state}`;
          expect(res.statusCode, where).toBe(want.status);
          const row = await t.ctx.db.selectFrom('unit_reports').select(['state', 'version']).where('id', '=', reportId).executeTakeFirstOrThrow();
          if (want.code) {
            expect(res.json().error.code, where).toBe(want.code);
            expect(row, `${where} must not change the report`).toEqual({ state, version: 7 });
          } else {
            expect(row, where).toEqual({ state: TRANSITIONS[transition].to, version: 8 });
          }
          checked++;
        }
      }
      expect(checked).toBe(REPORT_STATES.length * actors.length);
    });
  }
});
