import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedFirstQuarter } from '../../bulletins/fixed-quarter.test-support';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

type Bulletin = {
  id: number;
  version: number;
  status: string;
  docNumber: string;
  title: string;
  body: string;
  issuerMark: string;
  addressee: string;
  signature: string;
  issueDate: string;
  highlightProgressIds: number[];
  figures: { reporting: { late: number; missing: number }; highlightCandidates: { progressId: number; seq: string }[] };
};

/** Bulletins through the API: the office drafts, edits and publishes; units and leaders read; others don't. */
describe('bulletins', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, leader: Client, otherOffice: Client;
  let fixture: Awaited<ReturnType<typeof fixedFirstQuarter>>;
  let b: Bulletin;

  const edit = (x: Bulletin, changes: Partial<Bulletin> = {}) => {
    const y = { ...x, ...changes };
    return { version: y.version, issuerMark: y.issuerMark, docNumber: y.docNumber, title: y.title, addressee: y.addressee, body: y.body, signature: y.signature, issueDate: y.issueDate, highlightProgressIds: y.highlightProgressIds };
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2025-04-10' });
    fixture = await fixedFirstQuarter(t.ctx);
    await fixture.report('区发改局', '2025-04-03', { '1.': { status: 'completed', narrative: '一季度固定资产投资增长9.2%，提前完成全年目标。', actual: 9.2 } });
    await fixture.report('区商务局', '2025-04-08', { '3.': { status: 'delayed', narrative: '促消费活动举办1场。', actual: 1 } });
    const orgId = fixture.org.id;
    const leaderId = (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', orgId).where('name', '=', '刘晓梅').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: await fixture.unitId('区商务局') })).username);
    leader = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'leader', { leaderId })).username);
    const other = await makeOrg(t.ctx, { name: '西湖区' });
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other.id, 'office')).username);
  });
  afterAll(() => t.close());

  it('generates a numbered draft from the period’s reports', async () => {
    const res = await office.request('POST', '/api/bulletins', { periodId: fixture.q1.id });
    expect(res.statusCode).toBe(201);
    b = res.json();
    expect(b).toMatchObject({
      status: 'draft',
      docNumber: '督查通报〔2025〕第1期',
      title: '关于2025年第一季度区政府工作报告目标任务推进情况的通报',
      issuerMark: '东湖区人民政府督查室',
      signature: '东湖区人民政府督查室',
      addressee: '各责任单位：',
      issueDate: '2025-04-10',
    });
    expect(b.figures.reporting).toMatchObject({ late: 1, missing: 6 });
    expect(b.body).toContain('区商务局（逾期1个工作日报送）');
  });

  it('refuses a bulletin for a period not yet opened', async () => {
    const q2 = await t.ctx.db.selectFrom('periods').select('id').where('org_id', '=', fixture.org.id).where('position', '=', 1).executeTakeFirstOrThrow();
    const res = await office.request('POST', '/api/bulletins', { periodId: q2.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('BULLETIN_PERIOD_NOT_OPENED');
  });

  it('keeps drafts from everyone but the office', async () => {
    expect((await clerk.request('GET', '/api/bulletins')).json().items).toEqual([]);
    expect((await clerk.request('GET', `/api/bulletins/${b.id}`)).statusCode).toBe(404);
    expect((await clerk.request('GET', `/api/bulletins/${b.id}/export.docx`)).statusCode).toBe(404);
    expect((await clerk.request('POST', '/api/bulletins', { periodId: fixture.q1.id })).statusCode).toBe(403);
    expect((await leader.request('PUT', `/api/bulletins/${b.id}`, edit(b))).statusCode).toBe(403);
    expect((await otherOffice.request('GET', `/api/bulletins/${b.id}`)).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
  });

  it('saves the office’s edits with optimistic versions and only offered highlights', async () => {
    const highlight = b.figures.highlightCandidates.find((h) => h.seq === '1.')!.progressId;
    const res = await office.request('PUT', `/api/bulletins/${b.id}`, edit(b, { title: '关于一季度目标任务推进情况的通报', highlightProgressIds: [highlight] }));
    expect(res.statusCode).toBe(200);
    const stale = await office.request('PUT', `/api/bulletins/${b.id}`, edit(b));
    expect(stale.json().error.code).toBe('BULLETIN_CONFLICT');
    b = res.json();
    expect(b).toMatchObject({ version: 2, title: '关于一季度目标任务推进情况的通报', highlightProgressIds: [highlight] });
    const foreign = await office.request('PUT', `/api/bulletins/${b.id}`, edit(b, { highlightProgressIds: [999_999] }));
    expect(foreign.statusCode).toBe(400);
    const empty = await office.request('PUT', `/api/bulletins/${b.id}`, edit(b, { body: '   ' }));
    expect(empty.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('rewrites the text from fresh figures with the chosen highlights', async () => {
    const res = await office.request('POST', `/api/bulletins/${b.id}/regenerate`, { version: b.version, highlightProgressIds: b.highlightProgressIds });
    expect(res.statusCode).toBe(200);
    b = res.json();
    expect(b.body).toContain('五、工作亮点\n\n1. 区发改局：一季度固定资产投资增长9.2%，提前完成全年目标。');
    expect(b.title).toBe('关于一季度目标任务推进情况的通报'); // the edited title stays
  });

  it('publishes to units and leaders, who are told, and freezes it', async () => {
    const res = await office.request('POST', `/api/bulletins/${b.id}/publish`, { version: b.version });
    expect(res.json()).toMatchObject({ status: 'published', statusLabel: '已发布' });
    b = res.json();
    const seen = await clerk.request('GET', `/api/bulletins/${b.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().figures.highlightCandidates).toEqual([]); // other units' entries stay with the office
    expect((await clerk.request('GET', '/api/bulletins')).json().items.map((x: Bulletin) => x.docNumber)).toEqual(['督查通报〔2025〕第1期']);
    for (const who of [clerk, leader]) {
      const notes = (await who.request('GET', '/api/notifications')).json();
      expect(JSON.stringify(notes)).toContain('督查通报：关于一季度目标任务推进情况的通报');
    }
    expect((await office.request('PUT', `/api/bulletins/${b.id}`, edit(b))).json().error.code).toBe('BULLETIN_PUBLISHED');
    expect((await office.request('DELETE', `/api/bulletins/${b.id}?version=${b.version}`)).json().error.code).toBe('BULLETIN_PUBLISHED');
  });

  it('numbers the next bulletin of the year 第2期 and lets the office delete a draft', async () => {
    const second: Bulletin = (await office.request('POST', '/api/bulletins', { periodId: fixture.q1.id })).json();
    expect(second.docNumber).toBe('督查通报〔2025〕第2期');
    expect((await office.request('DELETE', `/api/bulletins/${second.id}?version=${second.version}`)).statusCode).toBe(204);
    expect((await office.request('GET', `/api/bulletins/${second.id}`)).statusCode).toBe(404);
  });

  it('downloads the published bulletin as a Word document', async () => {
    const res = await clerk.request('GET', `/api/bulletins/${b.id}/export.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('督查通报〔2025〕第1期'));
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('关于一季度目标任务推进情况的通报');
    expect(xml).toContain('东湖区人民政府督查室');
  });

  it('records every step in the audit log', async () => {
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'bulletin').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['bulletin.generate', 'bulletin.edit', 'bulletin.regenerate', 'bulletin.publish', 'bulletin.generate', 'bulletin.delete']);
  });

  it('compiles the period’s reports of all units (汇总表) as .xlsx and .docx for the office and leaders', async () => {
    expect((await clerk.request('GET', `/api/periods/${fixture.q1.id}/summary.xlsx`)).statusCode).toBe(403);
    const res = await leader.request('GET', `/api/periods/${fixture.q1.id}/summary.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const units = wb.getWorksheet('报送情况')!;
    const rows = units.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(2, 4));
    expect(rows).toContainEqual(['区商务局', '逾期1个工作日报送']);
    expect(rows).toContainEqual(['区发改局', '按时报送']);
    expect(rows).toContainEqual(['区财政局', '逾期未报（已逾期3个工作日）']);
    const entries = wb.getWorksheet('进展汇总')!.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1));
    expect(entries.find((r) => r[0] === '附件1 3.' && r[3] === '区商务局')?.slice(0, 7)).toMatchObject(['附件1 3.', expect.stringContaining('社会消费品零售总额'), '刘晓梅', '区商务局', '牵头', '滞后', '促消费活动举办1场。']);
    expect(entries.find((r) => r[0] === '附件1 1.' && r[3] === '区财政局')?.[5]).toBe('逾期未报（已逾期3个工作日）');
    const docx = await office.request('GET', `/api/periods/${fixture.q1.id}/summary.docx`);
    expect(docx.statusCode).toBe(200);
    // The text as a reader sees it: runs joined, the title's balancing line break dropped.
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2025年第一季度区政府工作报告目标任务推进情况汇总表');
    expect(text).toContain('表2');
  });
});
