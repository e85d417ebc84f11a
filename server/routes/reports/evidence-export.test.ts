import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, postMultipart, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('evidence files and the written report', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, head: Client, otherClerk: Client;
  let reportId: number, taskId: number, version: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const unit = async (name: string) => (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: await unit('区交通运输局') })).username);
    head = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_head', { unitId: await unit('区交通运输局') })).username);
    otherClerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: await unit('区教育局') })).username);
    const q2 = (await office.request('GET', '/api/periods')).json().items[1];
    await office.request('POST', `/api/periods/${q2.id}/open`);
    const view = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    reportId = view.report.id;
    version = view.report.version;
    taskId = view.items.find((i: { seq: string }) => i.seq === '(12)').taskId;
  });
  afterAll(() => t.close());

  it('accepts images and PDFs checked by content, and refuses a disguised or foreign file', async () => {
    const url = `/api/reports/${reportId}/tasks/${taskId}/evidence`;
    const png = await postMultipart(t.app, clerk, url, [{ name: 'file', value: PNG, fileName: '现场照片.png' }]);
    expect(png.statusCode).toBe(200);
    expect((await postMultipart(t.app, clerk, url, [{ name: 'file', value: PDF, fileName: '批复文件.pdf' }])).statusCode).toBe(200);
    const disguised = await postMultipart(t.app, clerk, url, [{ name: 'file', value: Buffer.from('MZ\x90\x00 not an image'), fileName: 'photo.png' }]);
    expect(disguised.json().error.code).toBe('IMPORT_UNSUPPORTED_TYPE');
    const mismatch = await postMultipart(t.app, clerk, url, [{ name: 'file', value: PDF, fileName: 'photo.jpg' }]);
    expect(mismatch.json().error.code).toBe('IMPORT_UNSUPPORTED_TYPE');
    const traversal = await postMultipart(t.app, clerk, url, [{ name: 'file', value: PNG, fileName: '../../etc/passwd.png' }]);
    expect(traversal.statusCode).toBe(200);
    expect((await postMultipart(t.app, otherClerk, url, [{ name: 'file', value: PNG, fileName: 'x.png' }])).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');

    const view = (await clerk.request('GET', `/api/reports/${reportId}`)).json();
    const files = view.items.find((i: { taskId: number }) => i.taskId === taskId).evidence;
    expect(files.map((f: { fileName: string }) => f.fileName)).toEqual(['现场照片.png', '批复文件.pdf', 'passwd.png']);

    const download = await t.app.inject({ method: 'GET', url: `/api/evidence/${png.json().id}`, headers: { cookie: office.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E7%8E%B0");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await otherClerk.request('GET', `/api/evidence/${png.json().id}`)).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
  });

  it('exports the approved report as a Word document, and only once approved', async () => {
    const early = await t.app.inject({ method: 'GET', url: `/api/reports/${reportId}/export.docx`, headers: { cookie: clerk.cookie } });
    expect(early.json().error.code).toBe('REPORT_WRONG_STATE');
    await fillBlankEntries(t.ctx.db, reportId);
    await clerk.request('POST', `/api/reports/${reportId}/submit`, { version });
    const headNote = (await head.request('GET', '/api/notifications')).json().items[0];
    expect(headNote).toMatchObject({ kind: 'report', title: '2024年第二季度报告待您审定' });
    const fileId = (await clerk.request('GET', `/api/reports/${reportId}`)).json().items.find((i: { taskId: number }) => i.taskId === taskId).evidence[0].id;
    expect((await clerk.request('DELETE', `/api/evidence/${fileId}`)).json().error.code).toBe('REPORT_WRONG_STATE');
    await head.request('POST', `/api/reports/${reportId}/approve`, { version: version + 1 });
    expect((await office.request('GET', '/api/notifications')).json().items[0].title).toBe('区交通运输局报送了2024年第二季度报告');

    const res = await t.app.inject({ method: 'GET', url: `/api/reports/${reportId}/export.docx`, headers: { cookie: office.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('区交通运输局2024年第二季度责任事项完成情况报告');
    expect(xml).toContain('经本单位主要负责人审定');
    expect(xml).toContain('推动重大引领性交通项目');
  });
});
