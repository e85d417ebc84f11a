import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedFirstQuarter } from '../../bulletins/fixed-quarter.test-support';
import { docxToPdf, libreOfficeMissing, pdfPages, pdfText } from '../../documents/libreoffice';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeUser } from '../../test/factories';

/**
 * The documents the office sends, as downloaded through the API, opened by a second word
 * processor: LibreOffice converts each to PDF (so the file is valid beyond our own writer), and
 * the pages are A4 with the text where a reader expects it. Skipped without LibreOffice, failed
 * instead under DUBAN_REQUIRE_ALL_TIERS=1 (CI installs it).
 */
const missing = libreOfficeMissing();
const required = process.env.DUBAN_REQUIRE_ALL_TIERS === '1';
const squash = (s: string) => s.replace(/\s+/g, '');
const A4 = { width: 595.3, height: 841.9 };

describe.skipIf(missing !== null && !required)('bulletin, 汇总表 and ranking through LibreOffice', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client;
  let periodId: number;
  const dirs: string[] = [];

  const toPdf = async (url: string, name: string) => {
    if (missing) throw new Error(`${missing} (DUBAN_REQUIRE_ALL_TIERS=1: the document checks must run)`);
    const res = await office.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const r = await docxToPdf(res.rawPayload, name);
    dirs.push(r.dir);
    return r.pdfPath;
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2025-04-10' });
    const f = await fixedFirstQuarter(t.ctx);
    await f.report('区发改局', '2025-04-03', { '1.': { status: 'completed', narrative: '一季度固定资产投资增长9.2%，提前完成全年目标。', actual: 9.2 } });
    await f.report('区商务局', '2025-04-08', { '3.': { status: 'delayed', narrative: '促消费活动举办1场。', actual: 1 } });
    periodId = f.q1.id;
    office = await signInAs(t.app, (await makeUser(t.ctx, f.org.id, 'office')).username);
  });
  afterAll(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await t.close();
  });

  it('opens the published bulletin: A4 pages, 版头, title, figures, signature and date, page numbers', async () => {
    const b = (await office.request('POST', '/api/bulletins', { periodId })).json();
    await office.request('POST', `/api/bulletins/${b.id}/publish`, { version: b.version });
    const pdf = await toPdf(`/api/bulletins/${b.id}/export.docx`, 'bulletin');
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) expect(p).toMatchObject({ width: expect.closeTo(A4.width, 0), height: expect.closeTo(A4.height, 0) });
    const text = squash(await pdfText(pdf));
    for (const s of ['东湖区人民政府督查室', '督查通报〔2025〕第1期', '关于2025年第一季度区政府工作报告目标任务推进情况的通报', '各责任单位：', '一、总体情况', '区商务局（逾期1个工作日报送）', '2025年4月10日', '—1—']) {
      expect(text).toContain(s);
    }
  }, 180_000);

  it('opens the 汇总表 with its tables on landscape pages', async () => {
    const pdf = await toPdf(`/api/periods/${periodId}/summary.docx`, 'summary');
    const pages = await pdfPages(pdf);
    // The opening text in portrait, then both tables on landscape pages with no blank page between.
    expect(pages[0]!.width).toBeLessThan(pages[0]!.height);
    expect(pages.slice(1).every((p) => p.width > p.height)).toBe(true);
    const text = squash(await pdfText(pdf));
    expect(text).toContain('2025年第一季度区政府工作报告目标任务推进情况汇总表');
    expect(text).toContain('表2目标任务推进情况');
    expect(text).toContain('促消费活动举办1'); // a unit's own words, from its report
    expect(text).toContain('逾期1个工作日报送');
  }, 180_000);

  it('opens the assessment ranking', async () => {
    const run = await office.request('POST', '/api/assessment/runs', { periodId });
    expect(run.statusCode, run.body).toBeLessThan(300);
    const pdf = await toPdf(`/api/assessment/runs/${run.json().run.id}/ranking.docx`, 'ranking');
    expect((await pdfPages(pdf)).length).toBeGreaterThanOrEqual(1);
    const text = squash(await pdfText(pdf));
    expect(text).toContain('东湖区人民政府督查室');
    expect(text).toContain('区发改局');
  }, 180_000);
});
