import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../../core/calendar/business-time';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { cleanDocx, cleanXlsx, peImage, withParts } from '../../reporting/evidence-fixtures';
import { EVIDENCE_LIMITS } from '../../reporting/evidence-type';
import { createTestApp, postMultipart, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Item = { taskId: number; annexNo: number; seq: string; version: number; evidence: { id: number; fileName: string; createdAt: string }[] };
type View = { report: { id: number; version: number; state: string }; items: Item[] };

/**
 * Issue 15's evidence: Office files looked into (programs, scripts, macros, zip bombs), a per-report
 * total, the office's requirement that completed items carry evidence, images and PDFs shown in the
 * browser while Office files download, and the task page listing each entry's files.
 */
describe('evidence files (佐证材料)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, head: Client, leader: Client, coClerk: Client;
  let view: View;
  let orgId: number;
  /** The item whose task another unit works on too (what that unit sees of the files). */
  let sharedIdx: number;

  const upload = (reportId: number, taskId: number, fileName: string, content: Buffer, who = clerk) =>
    postMultipart(t.app, who, `/api/reports/${reportId}/tasks/${taskId}/evidence`, [{ name: 'file', value: content, fileName }]);
  const reload = async () => (view = (await clerk.request('GET', `/api/reports/${view.report.id}`)).json());
  const get = (who: Client, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25', DUBAN_RATE_LIMIT_UPLOADS: '0' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    orgId = org.id;
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const unit = async (name: string) => (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: await unit('区交通运输局') })).username);
    head = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_head', { unitId: await unit('区交通运输局') })).username);
    const leaderId = (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', org.id).executeTakeFirstOrThrow()).id;
    leader = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'leader', { leaderId })).username);
    const q2 = (await office.request('GET', '/api/periods')).json().items[1];
    await office.request('POST', `/api/periods/${q2.id}/open`);
    view = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    // A unit that works on one of 区交通运输局's tasks with it, to see what another unit sees of its files.
    const shared = await t.ctx.db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['units.id', 'task_units.task_id'])
      .where('task_units.task_id', 'in', view.items.map((i) => i.taskId))
      .where('units.name', '!=', '区交通运输局')
      .orderBy('task_units.task_id')
      .executeTakeFirst();
    expect(shared, 'a task of 区交通运输局 has another unit on it').toBeDefined();
    sharedIdx = view.items.findIndex((i) => i.taskId === shared!.task_id);
    coClerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: shared!.id })).username);
  });
  afterAll(() => t.close());

  it('refuses a .docx carrying a program with a message naming the file and the part; a clean .docx and .xlsx are accepted', async () => {
    const item = view.items[sharedIdx]!;
    const hostile = await upload(view.report.id, item.taskId, '报告.docx', await withParts(await cleanDocx(), { 'word/embeddings/setup.exe': peImage() }));
    expect(hostile.statusCode).toBe(415);
    expect(hostile.json().error).toMatchObject({
      code: 'EVIDENCE_UNSAFE_CONTENT',
      message: '“报告.docx”内含可执行文件 word/embeddings/setup.exe，不能作为佐证材料上传。请另存为不含嵌入对象的文档后重新上传',
    });
    const bomb = await upload(view.report.id, item.taskId, '台账.xlsx', await withParts(await cleanXlsx(), { 'xl/media/pad.bin': Buffer.alloc(16 * 1024 * 1024) }));
    expect(bomb.json().error.code).toBe('IMPORT_ZIP_BOMB');
    expect(bomb.json().error.message).toContain('“台账.xlsx”解压后体积异常');

    expect((await upload(view.report.id, item.taskId, '验收报告.docx', await cleanDocx())).statusCode).toBe(200);
    expect((await upload(view.report.id, item.taskId, '台账.xlsx', await cleanXlsx())).statusCode).toBe(200);
    await reload();
    expect(view.items[sharedIdx]!.evidence.map((e) => e.fileName)).toEqual(['验收报告.docx', '台账.xlsx']);
    // Uploaded at the business clock's time (DUBAN_TODAY), like the report's other dates: the
    // Beijing date (before 08:00 Beijing time the UTC date is the day before).
    expect(beijingDate(new Date(view.items[sharedIdx]!.evidence[0]!.createdAt))).toBe('2024-06-25');
    // Only what was accepted is audited; a refused file leaves nothing behind.
    expect(await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'evidence.add').execute()).toHaveLength(2);
    expect(await t.ctx.db.selectFrom('evidence_files').select('id').execute()).toHaveLength(2);
  });

  it('shows images and PDFs in the browser with ?inline=1, and always downloads Office files', async () => {
    const item = view.items[(sharedIdx + 1) % view.items.length]!;
    const png = (await upload(view.report.id, item.taskId, '现场照片.png', PNG)).json().id as number;
    const pdf = (await upload(view.report.id, item.taskId, '批复.pdf', PDF)).json().id as number;
    const docx = view.items[sharedIdx]!.evidence[0]!.id;

    const image = await get(head, `/api/evidence/${png}?inline=1`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toMatch(/^inline; filename="____\.png"; filename\*=UTF-8''%E7%8E%B0/);
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain('sandbox');

    const doc = await get(leader, `/api/evidence/${pdf}?inline=1`);
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.headers['content-disposition']).toMatch(/^inline; /);
    expect(doc.headers['x-content-type-options']).toBe('nosniff');
    // The browser's PDF viewer does not run in a sandboxed document; nothing else may load either.
    expect(doc.headers['content-security-policy']).not.toContain('sandbox');
    expect(doc.headers['content-security-policy']).toContain("default-src 'none'");
    expect(doc.rawPayload.equals(PDF)).toBe(true);

    const word = await get(office, `/api/evidence/${docx}?inline=1`);
    expect(word.statusCode).toBe(200);
    expect(word.headers['content-type']).toContain('wordprocessingml');
    expect(word.headers['content-disposition']).toMatch(/^attachment; /);
    expect(word.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect((await get(office, `/api/evidence/${png}`)).headers['content-disposition']).toMatch(/^attachment; /);
    expect((await get(office, `/api/evidence/${png}?inline=0`)).headers['content-disposition']).toMatch(/^attachment; /);
    expect((await get(office, `/api/evidence/${png}?inline=yes`)).statusCode).toBe(400);
  });

  it('keeps a report’s files under its total, saying how much is used', async () => {
    const item = view.items[(sharedIdx + 2) % view.items.length]!;
    const progressId = (await t.ctx.db.selectFrom('task_progress').select('id').where('report_id', '=', view.report.id).where('task_id', '=', item.taskId).executeTakeFirstOrThrow()).id;
    const used = (await t.ctx.db.selectFrom('evidence_files').select('size').execute()).reduce((n, r) => n + r.size, 0);
    // The files already uploaded, plus one that takes the report to 0.5 MB under its total (the
    // size column is what the total counts; its content need not be that large here).
    await t.ctx.db
      .insertInto('evidence_files')
      .values({ org_id: orgId, progress_id: progressId, file_name: '航拍.jpg', content_type: 'image/jpeg', size: EVIDENCE_LIMITS.maxBytesPerReport - 512 * 1024 - used, sha256: '0', content: Buffer.from([0xff, 0xd8, 0xff]), uploaded_by: null })
      .execute();
    const over = await upload(view.report.id, item.taskId, '现场.pdf', Buffer.concat([PDF, Buffer.alloc(600 * 1024, 0x20)]));
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe('EVIDENCE_QUOTA_EXCEEDED');
    expect(over.json().error.message).toBe('本期报告的佐证材料合计不能超过 100 MB：已上传 99.5 MB，“现场.pdf”为 0.6 MB。请压缩图片、删除不需要的附件后重新上传');
    expect((await upload(view.report.id, item.taskId, '小图.png', PNG)).statusCode).toBe(200);
    await t.ctx.db.deleteFrom('evidence_files').where('file_name', 'in', ['航拍.jpg', '小图.png']).execute();
  });

  it('lists each entry’s files on the task page, to those who may open them', async () => {
    const item = view.items[sharedIdx]!;
    const entry = (who: Client) => get(who, `/api/tasks/${item.taskId}`).then((r) => r.json().reports.find((e: { reportId: number }) => e.reportId === view.report.id));
    expect((await entry(office)).evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['验收报告.docx', '台账.xlsx']);
    expect((await entry(leader)).evidence).toHaveLength(2);
    expect((await entry(clerk)).evidence).toHaveLength(2);
    // Another unit on the task reads the entry but not the files, which it could not open either.
    expect((await entry(coClerk)).evidence).toEqual([]);
    expect((await get(coClerk, `/api/evidence/${(await entry(office)).evidence[0].id}`)).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
  });

  it('with 已完成事项须上传佐证材料 on, refuses submit while a completed item has no file, naming each item', async () => {
    expect((await clerk.request('GET', '/api/settings/evidence-requirement')).json()).toEqual({ requireForCompleted: false, version: 0 });
    expect((await clerk.request('PUT', '/api/settings/evidence-requirement', { requireForCompleted: true, version: 0 })).json().error.code).toBe('FORBIDDEN');
    const put = await office.request('PUT', '/api/settings/evidence-requirement', { requireForCompleted: true, version: 0 });
    expect(put.json()).toEqual({ requireForCompleted: true, version: 1 });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'setting.update').where('entity_id', '=', 'evidenceRequirement').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toEqual({ requireForCompleted: true });

    // Every item written (the report is otherwise complete): the shared item and the two after it
    // completed; the shared item has its files, the other two none (the photo and PDF removed).
    await reload();
    const completed = [0, 1, 2].map((k) => view.items[(sharedIdx + k) % view.items.length]!);
    for (const item of view.items) {
      const status = completed.includes(item) ? 'completed' : 'on_track';
      const res = await clerk.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, { version: item.version, status, narrative: '已按计划推进', actuals: [] });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const e of completed[1]!.evidence) expect((await clerk.request('DELETE', `/api/evidence/${e.id}`)).statusCode).toBe(204);
    await reload();
    const label = (i: Item) => (/^\d+$/.test(i.seq) ? `附件${i.annexNo}·第${i.seq}项` : `附件${i.annexNo}·${i.seq}`);
    const missing = view.items.filter((i) => completed.some((c) => c.taskId === i.taskId) && i.evidence.length === 0);
    expect(missing).toHaveLength(2);
    const refused = await clerk.request('POST', `/api/reports/${view.report.id}/submit`, { version: view.report.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'EVIDENCE_REQUIRED',
      message: `督查室要求已完成的事项上传佐证材料：${missing.map((i) => `${label(i)} 已完成但未上传佐证材料`).join('；')}。请在这些事项下上传佐证材料（或修改推进状态）后再提交`,
      current: { missing: missing.map((i) => ({ taskId: i.taskId, label: label(i) })) },
    });
    expect((await t.ctx.db.selectFrom('unit_reports').select('state').where('id', '=', view.report.id).executeTakeFirstOrThrow()).state).toBe('draft');

    await upload(view.report.id, missing[0]!.taskId, '照片.png', PNG);
    await upload(view.report.id, missing[1]!.taskId, '批复.pdf', PDF);
    const submitted = await clerk.request('POST', `/api/reports/${view.report.id}/submit`, { version: view.report.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().report.state).toBe('pending_head');
    // Once submitted, files stay as they were.
    expect((await clerk.request('DELETE', `/api/evidence/${view.items[sharedIdx]!.evidence[0]!.id}`)).json().error.code).toBe('REPORT_WRONG_STATE');
  });

  it('lets a report go with completed items and no files while the setting is off', async () => {
    await office.request('PUT', '/api/settings/evidence-requirement', { requireForCompleted: false, version: 1 });
    const { evidenceMissingForCompleted } = await import('../../reporting/evidence-requirement');
    await t.ctx.db.deleteFrom('evidence_files').execute();
    const completed = [0, 1, 2].map((k) => view.items[(sharedIdx + k) % view.items.length]!.taskId);
    expect((await evidenceMissingForCompleted(t.ctx.db, view.report.id)).map((m) => m.taskId).sort()).toEqual(completed.sort());
    const version = (await t.ctx.db.selectFrom('unit_reports').select('version').where('id', '=', view.report.id).executeTakeFirstOrThrow()).version;
    expect((await head.request('POST', `/api/reports/${view.report.id}/approve`, { version })).statusCode).toBe(200);
  });
});
