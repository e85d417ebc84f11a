import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../../core/assessment/scheme';
import { buildAssessmentFixture, FIXTURE_TODAY, type AssessmentFixture } from '../../assessment/test-fixture';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeLeader, makeOrg, makeUser } from '../../test/factories';

type Score = { unitId: number; unitName: string; final: number; rank: number; grade: string; vetoed: boolean; adjustment: number; adjustments: { delta: number; reason: string }[] };
type RunView = { run: { id: number; isLatest: boolean; scheme: typeof DEFAULT_SCHEME }; scores: Score[] };

/** 绩效考核 through the API: scheme, runs, vetoes, adjustments, ratings, exports, and who may do what. */
describe('the assessment API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let f: AssessmentFixture;
  let orgId: number;
  let office: Client, leader: Client, clerk: Client, otherOffice: Client;
  let runId: number;
  const ranks = (v: RunView) => v.scores.map((s) => [s.unitName, s.final, s.rank, s.grade]);

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: FIXTURE_TODAY });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    f = await buildAssessmentFixture(t.ctx, orgId);
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    leader = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'leader', { leaderId: (await makeLeader(t.ctx, orgId)).id })).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: f.units.jia })).username);
    const other = (await makeOrg(t.ctx, { name: '阳逻区' })).id;
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other, 'office')).username);
  });
  afterAll(() => t.close());

  it('serves the default scheme until the office saves one, and refuses one that does not add up', async () => {
    expect((await office.request('GET', '/api/assessment/scheme?year=2024')).json()).toMatchObject({ year: 2024, isDefault: true, scheme: DEFAULT_SCHEME });
    const bad = await office.request('PUT', '/api/assessment/scheme?year=2024', { ...DEFAULT_SCHEME, weights: { reporting: 30, completion: 60, quality: 20 }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { weights: expect.stringContaining('add up to 100') } });
    const saved = await office.request('PUT', '/api/assessment/scheme?year=2024', { ...DEFAULT_SCHEME, bonus: { ...DEFAULT_SCHEME.bonus, cap: 3 }, version: 0 });
    expect(saved.json()).toMatchObject({ isDefault: false, scheme: { bonus: { cap: 3 } }, version: 1 });
    // Back to the defaults (恢复默认 saves them), so the figures below are the defaults'.
    await office.request('PUT', '/api/assessment/scheme?year=2024', { ...DEFAULT_SCHEME, version: 1 });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'assessment.scheme').execute();
    expect(audit).toHaveLength(2);
  });

  it('rates a report that reached the office, and only such a report', async () => {
    expect((await office.request('GET', `/api/reports/${f.reports.jiaQ2}/quality`)).json()).toEqual({ reportId: f.reports.jiaQ2, rating: null, ratingLabel: null, rateable: true });
    const pending = await office.request('PUT', `/api/reports/${f.reports.yiQ2}/quality`, { rating: 'good', loadedRating: null });
    expect(pending.json().error.code).toBe('REPORT_WRONG_STATE');
    expect((await office.request('PUT', `/api/reports/${f.reports.jiaQ2}/quality`, { rating: 'excellent', loadedRating: null })).json()).toMatchObject({ rating: 'excellent', ratingLabel: '优' });
    expect((await office.request('PUT', `/api/reports/${f.reports.jiaQ2}/quality`, { rating: 'bad', loadedRating: 'excellent' })).statusCode).toBe(400);
    // Back to unrated for the figures below.
    expect((await office.request('PUT', `/api/reports/${f.reports.jiaQ2}/quality`, { rating: null, loadedRating: 'excellent' })).json().rating).toBeNull();
    expect(await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'report.quality_rate').where('entity_id', '=', String(f.reports.jiaQ2)).execute()).toHaveLength(2);
  });

  it('runs the year and shows the latest run to the office and to leaders', async () => {
    expect((await office.request('GET', '/api/assessment/latest?year=2024')).json()).toEqual({ latest: null });
    expect((await leader.request('GET', '/api/assessment/options')).json()).toEqual({
      today: FIXTURE_TODAY,
      currentYear: 2024,
      years: [
        {
          year: 2024,
          periods: [
            { id: f.periods.q1, label: '2024年第一季度', status: 'open', effectiveDeadline: '2024-04-01' },
            { id: f.periods.q2, label: '2024年第二季度', status: 'open', effectiveDeadline: '2024-07-01' },
            { id: f.periods.q3, label: '2024年第三季度', status: 'planned', effectiveDeadline: '2024-10-08' },
          ],
        },
      ],
    });
    const res = await office.request('POST', '/api/assessment/runs', { year: 2024 });
    expect(res.statusCode).toBe(200);
    const v: RunView = res.json();
    runId = v.run.id;
    expect(ranks(v)).toEqual([
      ['区丙局', 94.5, 1, 'excellent'],
      ['区甲局', 87.2, 2, 'good'],
      ['区乙局', 36.5, 3, 'fail'],
    ]);
    const seen: { latest: RunView } = (await leader.request('GET', '/api/assessment/latest?year=2024')).json();
    expect(seen.latest.run.id).toBe(runId);
    expect(ranks(seen.latest)).toEqual(ranks(v));
    expect((await office.request('POST', '/api/assessment/runs', { year: 2024, periodId: f.periods.q1 })).statusCode).toBe(400);
  });

  it('vetoes a unit (一票否决): final 0, 不合格, last; the reason is required; revoking restores it', async () => {
    const unitId = f.units.bing;
    expect((await office.request('POST', '/api/assessment/vetoes', { year: 2024, unitId, reason: '  ' })).json().error.code).toBe('REASON_REQUIRED');
    const vetoed = await office.request('POST', '/api/assessment/vetoes', { year: 2024, unitId, reason: '发生较大安全生产责任事故' });
    expect(vetoed.json().items).toEqual([expect.objectContaining({ unitId, unitName: '区丙局', reason: '发生较大安全生产责任事故' })]);
    expect((await office.request('POST', '/api/assessment/vetoes', { year: 2024, unitId, reason: '再次' })).json().error.code).toBe('ASSESSMENT_ALREADY_VETOED');
    const v: RunView = (await office.request('GET', `/api/assessment/runs/${runId}`)).json();
    expect(ranks(v)).toEqual([
      ['区甲局', 87.2, 1, 'good'],
      ['区乙局', 36.5, 2, 'fail'],
      ['区丙局', 0, 3, 'fail'],
    ]);
    expect(v.scores[2]).toMatchObject({ vetoed: true, vetoReason: '发生较大安全生产责任事故' });
    expect((await office.request('DELETE', '/api/assessment/vetoes/9999')).json().error.code).toBe('ASSESSMENT_NOT_VETOED');
    expect((await leader.request('GET', '/api/assessment/vetoes?year=2024')).json().items).toHaveLength(1);
  });

  it('adjusts a score with a reason, re-ranks, and audits it', async () => {
    const url = `/api/assessment/runs/${runId}/adjustments`;
    expect((await office.request('POST', url, { unitId: f.units.yi, delta: 5, reason: '' })).json().error.code).toBe('REASON_REQUIRED');
    expect((await office.request('POST', url, { unitId: f.units.yi, delta: 0, reason: '无' })).statusCode).toBe(400);
    const res = await office.request('POST', url, { unitId: f.units.yi, delta: 50.7, reason: '承担区防汛抢险任务，经区政府常务会议研究加分' });
    const v: RunView = res.json();
    // 36.5 + 50.7 = 87.2 ties 区甲局 (乙's Q1 was 7 working days late: 20 − 3.5 = … 36.5): both first; the vetoed unit stays last.
    expect(ranks(v)).toEqual([
      ['区甲局', 87.2, 1, 'good'],
      ['区乙局', 87.2, 1, 'good'],
      ['区丙局', 0, 3, 'fail'],
    ]);
    expect(v.scores[1]).toMatchObject({ adjustment: 50.7, adjustments: [expect.objectContaining({ delta: 50.7, reason: '承担区防汛抢险任务，经区政府常务会议研究加分' })] });
    const entry = await t.ctx.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'assessment.adjust').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json!)).toMatchObject({ final: 36.5, rank: 2 });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ delta: 50.7, final: 87.2, rank: 1, reason: '承担区防汛抢险任务，经区政府常务会议研究加分' });
  });

  it('exports the ranking to Excel (排名 + 明细) and to an official Word document', async () => {
    const xlsx = await office.request('GET', `/api/assessment/runs/${runId}/ranking.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('新洲区2024年度绩效考核结果.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ranking = wb.getWorksheet('排名')!;
    expect(ranking.getRow(2).values).toEqual([undefined, '名次', '单位', '报送', '完成', '质量', '加分', '调整', '总分', '等次', '备注']);
    expect((ranking.getRow(3).values as unknown[]).slice(1, 10)).toEqual([1, '区甲局', 18.5, 49.2, 18.5, 1, 0, 87.2, '良好']);
    expect((ranking.getRow(4).values as unknown[]).slice(1)).toEqual([1, '区乙局', 6.5, 23, 7, 0, 50.7, 87.2, '良好', '调整+50.7分：承担区防汛抢险任务，经区政府常务会议研究加分']);
    expect((ranking.getRow(5).values as unknown[]).slice(1)).toEqual([3, '区丙局', 20, 60, 13.5, 1, 0, 0, '不合格', '一票否决：发生较大安全生产责任事故']);
    const details = wb.getWorksheet('明细')!;
    const rows = details.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['区甲局', '报送', 8.5, 10, '2024年第二季度报告逾期3个工作日报送，每个工作日扣0.5分，扣1.5分', `2024年第二季度报告（报告编号${f.reports.jiaQ2}）`]);
    expect(rows).toContainEqual(['区丙局', '一票否决', '', '', '一票否决，总分计0分：发生较大安全生产责任事故', '—']);

    const docx = await office.request('GET', `/api/assessment/runs/${runId}/ranking.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('新洲区2024年度绩效考核结果.docx'));
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('新洲区2024年度区政府工作报告目标任务绩效考核结果');
    expect(text).toContain('新洲区人民政府督查室');
    expect(text).toContain('2024年7月15日');
    expect(text).toContain('考核满分100分，其中报送情况20分、任务完成情况60分、报告质量20分');
    expect(text).toContain('区丙局被一票否决（发生较大安全生产责任事故），总分计0分，等次为不合格。');
    expect(text).toContain('87.20');
    // The leader reads and downloads too.
    expect((await leader.request('GET', `/api/assessment/runs/${runId}/ranking.xlsx`)).statusCode).toBe(200);
  });

  it('adjusts only the latest run; vetoes carry into later runs', async () => {
    const again: RunView = (await office.request('POST', '/api/assessment/runs', { year: 2024 })).json();
    expect(again.run.isLatest).toBe(true);
    expect(again.scores.find((s) => s.unitName === '区丙局')).toMatchObject({ vetoed: true, final: 0, rank: 3 });
    const old = await office.request('POST', `/api/assessment/runs/${runId}/adjustments`, { unitId: f.units.yi, delta: 1, reason: '补充' });
    expect(old.json().error.code).toBe('ASSESSMENT_RUN_SUPERSEDED');
    const vetoId = (await office.request('GET', '/api/assessment/vetoes?year=2024')).json().items[0].id;
    expect((await otherOffice.request('DELETE', `/api/assessment/vetoes/${vetoId}`)).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    const revoked = await office.request('DELETE', `/api/assessment/vetoes/${vetoId}`);
    expect(revoked.json().items).toEqual([]);
    const latest: { latest: RunView } = (await office.request('GET', '/api/assessment/latest?year=2024')).json();
    expect(ranks(latest.latest)[0]).toEqual(['区丙局', 94.5, 1, 'excellent']);
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'assessment.%').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['assessment.run', 'assessment.veto', 'assessment.veto_revoke', 'assessment.adjust']));
  });

  it('refuses unit people, lets leaders read but not act, and keeps each organisation to its own', async () => {
    expect((await clerk.request('GET', '/api/assessment/latest?year=2024')).statusCode).toBe(403);
    expect((await clerk.request('GET', `/api/reports/${f.reports.jiaQ1}/quality`)).statusCode).toBe(403);
    expect((await leader.request('GET', '/api/assessment/scheme?year=2024')).statusCode).toBe(200);
    for (const [method, url, body] of [
      ['POST', '/api/assessment/runs', { year: 2024 }],
      ['PUT', '/api/assessment/scheme?year=2024', { ...DEFAULT_SCHEME, version: 2 }],
      ['POST', `/api/assessment/runs/${runId}/adjustments`, { unitId: f.units.yi, delta: 1, reason: '试' }],
      ['POST', '/api/assessment/vetoes', { year: 2024, unitId: f.units.yi, reason: '试' }],
      ['PUT', `/api/reports/${f.reports.jiaQ1}/quality`, { rating: 'poor', loadedRating: null }],
    ] as const) {
      const res = await leader.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await otherOffice.request('GET', `/api/assessment/runs/${runId}`)).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    expect((await otherOffice.request('GET', `/api/assessment/runs/${runId}/ranking.docx`)).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    expect((await otherOffice.request('POST', `/api/assessment/runs/${runId}/adjustments`, { unitId: f.units.yi, delta: 1, reason: '试' })).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    expect((await otherOffice.request('POST', '/api/assessment/vetoes', { year: 2024, unitId: f.units.yi, reason: '试' })).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    expect((await otherOffice.request('PUT', `/api/reports/${f.reports.jiaQ1}/quality`, { rating: 'poor', loadedRating: null })).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    expect((await otherOffice.request('POST', '/api/assessment/runs', { periodId: f.periods.q1 })).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    // Its own year has nothing to assess, and its latest is empty: nothing of 新洲区 shows through.
    expect((await otherOffice.request('POST', '/api/assessment/runs', { year: 2024 })).json().error.code).toBe('ASSESSMENT_NOTHING_TO_ASSESS');
    expect((await otherOffice.request('GET', '/api/assessment/latest?year=2024')).json()).toEqual({ latest: null });
  });
});
