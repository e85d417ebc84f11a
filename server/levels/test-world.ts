import { systemActor } from '../audit/actor';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { importNotice } from '../import/notice-import.service';
import { addEvidence } from '../reporting/evidence.service';
import { openOrClosePeriod } from '../reporting/periods.service';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../test/factories';
import { ROLES, type Role } from '../../core/roles';

/**
 * A small province → city → districts world for the levels tests: the city's own notice (items
 * (128)..(130), livelihood (5)), two sibling districts 甲区 and 乙区 whose notices cite city item
 * 129 (and 甲区 a number the city does not have), a third district 丙区 with no notice. District
 * 甲区's data carries MARKER in its own text, its report narrative and its evidence file name.
 */
export const MARKER = 'QX7甲区独有';

export const CITY_NOTICE = `武汉市人民政府办公厅关于2024年市《政府工作报告》确定的主要目标任务责任分解的通知

武政办〔2024〕8号

各区人民政府，市人民政府各部门：

各责任单位要分别于2024年4月1日、7月1日、10月1日及2025年1月1日前，将第一、二、三季度及全年责任事项完成情况报送至市政府督查室。

附件：1. 2024年市《政府工作报告》确定的当年工作任务责任分解表

2. 2024年市政府民生实事责任分解表

武汉市人民政府办公厅

2024年3月1日

附件1

2024年市《政府工作报告》确定的当年工作任务责任分解表

序号	目标名称	工作标准	分管 市领导	责任单位
1	城市建设	(128) 新增城镇路灯2万个。	王强	市城管执法委
		(129) 新建改造充电桩1.5万个。	王强	市发改委
2	社会事业	(130) 新增学位5000个。	李明	市教育局

附件2

2024年市政府民生实事责任分解表

序号	目标名称	工作标准	分管 市领导	责任单位
1	民生实事	(5) 新建口袋公园50个。	李明	市园林局
`;

export function districtNotice(name: string, docNo: string, opts: { ownText: string; piles: number; extraCitation?: boolean }) {
  return `武汉市${name}人民政府办公室关于做好2024年市、区《政府工作报告》确定的主要目标任务责任分解工作的通知

${docNo}

各街道办事处，区人民政府各部门：

各责任单位要分别于2024年4月1日、7月1日、10月1日及2025年1月1日前，将第一、二、三季度及全年责任事项完成情况，经本单位主要负责人审定后报送至区政府督查室。

附件：1. 2024年区《政府工作报告》确定的当年工作任务责任分解表

2. 2024年市《政府工作报告》涉及我区办理事项责任细化分解表

武汉市${name}人民政府办公室

2024年4月2日

附件1

2024年区《政府工作报告》确定的当年工作任务责任分解表

序号	目标名称	工作标准	分管 区领导	责任单位
1	主要目标	(1) 地区生产总值增长6%左右。	张一	区发改局
		(2) ${opts.ownText}	张一	区市场监管局

附件2

2024年市《政府工作报告》涉及我区办理事项责任细化分解表

序号	市级下达的责任事项	本区目标任务	完成时间	分管区领导	责任单位
1	129.新建改造充电桩1.5万个。	新建充电桩${opts.piles}个。	12月	张一	区发改局
${opts.extraCitation ? '2	999.不存在的市级事项。	完成某项工作。	12月	张一	区市场监管局\n' : ''}`;
}

const actor = systemActor('test');
const upload = (text: string, fileName: string) => ({ fileName, content: Buffer.from(text, 'utf8') });
export const ALL_ROLES: readonly Role[] = ROLES;

export async function taskIdOf(ctx: AppContext, orgId: number, annexNo: number, seq: string) {
  return (
    await ctx.db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select('tasks.id')
      .where('tasks.org_id', '=', orgId)
      .where('annexes.no', '=', annexNo)
      .where('tasks.seq', '=', seq)
      .executeTakeFirstOrThrow()
  ).id;
}
const unitIdOf = async (ctx: AppContext, orgId: number, name: string) =>
  (await ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow()).id;

/** A unit's report of the open Q2 on one of its tasks (the charging piles here), approved by its head and accepted, on the given day. */
export async function reportPiles(ctx: AppContext, orgId: number, unitId: number, taskId: number, day: string, input: { narrative: string; actual: number; evidenceName?: string }) {
  const c = { ...ctx, clock: createClock({ today: day }) };
  const period = await ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 1).orderBy('id').executeTakeFirstOrThrow();
  let r = await openReport(c, actor, period, unitId);
  const entry = await ctx.db.selectFrom('task_progress').select(['version']).where('report_id', '=', r.id).where('task_id', '=', taskId).executeTakeFirstOrThrow();
  const ind = await ctx.db.selectFrom('indicators').select('id').where('task_id', '=', taskId).orderBy('position').executeTakeFirstOrThrow();
  await saveProgress(c, actor, r, taskId, {
    version: entry.version,
    status: 'on_track',
    narrative: input.narrative,
    problems: input.narrative,
    nextSteps: '',
    actuals: [{ indicatorId: ind.id, value: input.actual }],
  });
  let evidenceId: number | null = null;
  if (input.evidenceName) {
    const e = await addEvidence(c, actor, (await findReport(ctx.db, r.id))!, taskId, { fileName: input.evidenceName, content: Buffer.from('%PDF-1.4\n% evidence\n') });
    evidenceId = e;
  }
  r = (await findReport(ctx.db, r.id))!;
  await fillBlankEntries(c.db, r.id);
  r = await transitionReport(c, actor, r, 'submit', { version: r.version });
  r = await transitionReport(c, actor, (await findReport(ctx.db, r.id))!, 'approve', { version: r.version });
  r = (await findReport(ctx.db, r.id))!;
  await transitionReport(c, actor, r, 'accept', { version: r.version });
  return { reportId: r.id, periodId: period.id, evidenceId };
}

export async function buildWorld() {
  const t = await createTestApp({ DUBAN_TODAY: '2024-07-08' });
  const ctx = t.ctx;
  const province = await makeOrg(ctx, { name: '湖北省', level: 'province' });
  const city = await makeOrg(ctx, { name: '武汉市', level: 'city', parentId: province.id });
  const a = await makeOrg(ctx, { name: '甲区', level: 'district', parentId: city.id });
  const b = await makeOrg(ctx, { name: '乙区', level: 'district', parentId: city.id });
  const c = await makeOrg(ctx, { name: '丙区', level: 'district', parentId: city.id });
  const otherCity = await makeOrg(ctx, { name: '黄石市', level: 'city', parentId: province.id });

  // District 甲区 first, so its records have the low ids; the city's ledger arrives last.
  const importA = await importNotice(ctx, actor, a.id, upload(districtNotice('甲区', '甲政办〔2024〕1号', { ownText: `新增市场主体3000户以上，${MARKER}。`, piles: 1500, extraCitation: true }), '甲区.txt'));
  const importB = await importNotice(ctx, actor, b.id, upload(districtNotice('乙区', '乙政办〔2024〕1号', { ownText: '新增市场主体2000户以上。', piles: 800 }), '乙区.txt'));
  const importCity = await importNotice(ctx, actor, city.id, upload(CITY_NOTICE, '武汉市.txt'));

  const users: Record<string, Client> = {};
  const sign = async (key: string, orgId: number, role: Role, unitName?: string) => {
    const unitId = unitName ? await unitIdOf(ctx, orgId, unitName) : undefined;
    const leaderId = role === 'leader' ? (await ctx.db.selectFrom('leaders').select('id').where('org_id', '=', orgId).executeTakeFirstOrThrow()).id : undefined;
    users[key] = await signInAs(t.app, (await makeUser(ctx, orgId, role, { unitId, leaderId })).username);
  };
  await sign('aOffice', a.id, 'office');
  await sign('cityOffice', city.id, 'office');
  await sign('cityLeader', city.id, 'viewer');
  await sign('cOffice', c.id, 'office');
  await sign('provinceOffice', province.id, 'office');
  await sign('otherCityOffice', otherCity.id, 'office');
  for (const role of ALL_ROLES) await sign(`b:${role}`, b.id, role, role === 'unit_staff' || role === 'unit_head' ? '区发改局' : undefined);

  const ids = {
    a: {
      ownTask: await taskIdOf(ctx, a.id, 1, '(2)'),
      otherOwnTask: await taskIdOf(ctx, a.id, 1, '(1)'),
      piles: await taskIdOf(ctx, a.id, 2, '1'),
      unlinked: await taskIdOf(ctx, a.id, 2, '2'),
      noticeId: importA.noticeId,
      unitIds: (await ctx.db.selectFrom('units').select('id').where('org_id', '=', a.id).execute()).map((u) => u.id),
    },
    b: { piles: await taskIdOf(ctx, b.id, 2, '1'), noticeId: importB.noticeId, dev: await unitIdOf(ctx, b.id, '区发改局') },
    city: {
      piles: await taskIdOf(ctx, city.id, 1, '(129)'),
      lights: await taskIdOf(ctx, city.id, 1, '(128)'),
      places: await taskIdOf(ctx, city.id, 1, '(130)'),
      parks: await taskIdOf(ctx, city.id, 2, '(5)'),
    },
  };

  // Q2 opened in both districts; 甲区 reports on time with the marker, 乙区 late.
  for (const orgId of [a.id, b.id]) {
    const q2 = await ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 1).executeTakeFirstOrThrow();
    // Opened at import by the schedule when its deadline is still to come; by hand otherwise.
    if (q2.status !== 'open') await openOrClosePeriod(ctx, actor, q2, 'open');
  }
  const aDev = await unitIdOf(ctx, a.id, '区发改局');
  const aReport = await reportPiles(ctx, a.id, aDev, ids.a.piles, '2024-06-25', { narrative: `已建成600个，${MARKER}进展`, actual: 600, evidenceName: `${MARKER}-验收.pdf` });
  await reportPiles(ctx, b.id, ids.b.dev, ids.b.piles, '2024-07-03', { narrative: '已建成300个', actual: 300, evidenceName: '乙区-验收.pdf' });

  type Named = Record<'aOffice' | 'cityOffice' | 'cityLeader' | 'cOffice' | 'provinceOffice' | 'otherCityOffice', Client>;
  return { t, ctx, orgs: { province, city, a, b, c, otherCity }, users: users as Named & Record<string, Client>, ids: { ...ids, aReport }, imports: { a: importA, b: importB, city: importCity } };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;
