import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_IMPORT_LIMITS } from '../../../core/api/users-import';
import { verifyAuditChain } from '../../audit/audit.repository';
import { createTestApp, postMultipart, signInAs, type Client } from '../../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../../test/factories';

// 批量导入 unit accounts, through the real routes on a fresh database (SQLite, or PostgreSQL with
// TEST_DATABASE_URL): the template, the preview's row errors, and the all-or-nothing import.

type PreviewRow = { row: number; username: string; role: string | null; unit: { name: string } | null; phone: string | null; errors: { column: string | null; message: string }[] };

describe('unit accounts in bulk', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  let orgId: number;
  let template: Buffer;
  let secadmin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    orgId = org.id;
    const other = await makeOrg(t.ctx);
    await makeUnit(t.ctx, org.id, { name: '区教育局', aliases: ['教育局'] });
    await makeUnit(t.ctx, org.id, { name: '区交通运输局', aliases: ['交通局'] });
    await makeUnit(t.ctx, other.id, { name: '区外地局' });
    await makeLeader(t.ctx, org.id, '张晓茵');
    await makeUser(t.ctx, org.id, 'office', { username: 'taken.name' });
    admin = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'sysadmin')).username);
    secadmin = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'secadmin')).username);
    const res = await admin.request('GET', '/api/users/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    template = res.rawPayload;
  });
  afterAll(() => t.close());

  /** The downloaded template, filled in as the administrator would in Excel. */
  async function filled(rows: (string | number)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('账号')!;
    rows.forEach((r, i) => ws.getRow(i + 2).values = r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (url: string, content: Buffer | string, fileName = '账号.xlsx') =>
    postMultipart(t.app, admin, url, [{ name: 'file', value: content, fileName }]);
  const countUsers = async () => Number((await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);

  it('offers a template with the Chinese header, the roles the admin may give and the units of the organisation', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['账号', '填写说明', '单位名录', '领导名录']);
    expect(wb.getWorksheet('账号')!.getRow(1).values).toEqual([undefined, '登录名', '姓名', '角色', '所属单位', '手机号']);
    const help = JSON.stringify(wb.getWorksheet('填写说明')!.getSheetValues());
    for (const role of ['单位经办人', '单位负责人', '督查室', '区领导', '查看人员']) expect(help).toContain(role);
    const units = wb.getWorksheet('单位名录')!.getColumn(1).values;
    expect(units).toEqual(expect.arrayContaining(['区教育局', '区交通运输局']));
    expect(units).not.toContain('区外地局');
    expect(wb.getWorksheet('领导名录')!.getColumn(1).values).toContain('张晓茵');
  });

  it('reads the template back: the empty template is refused, a filled one previews clean and writes nothing', async () => {
    const empty = await upload('/api/users/import/preview', template);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('USERS_IMPORT_EMPTY');

    const before = await countUsers();
    const res = await upload(
      '/api/users/import/preview',
      await filled([
        ['jyj.jingban', '黄丽', '单位经办人', '教育局', '138 0000 0001'],
        ['jtj.fuzeren', '周建国', '单位负责人', '区交通运输局', 13800000002],
        ['zhangxiaoyin', '张晓茵', '区领导', '', ''],
        ['dcs.wang', '王敏', '督查室', '', ''],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { rows: PreviewRow[]; errorRows: number };
    expect(body.errorRows).toBe(0);
    expect(body.rows.map((r) => [r.row, r.username, r.role, r.unit?.name ?? null, r.phone])).toEqual([
      [2, 'jyj.jingban', 'unit_staff', '区教育局', '13800000001'],
      [3, 'jtj.fuzeren', 'unit_head', '区交通运输局', '13800000002'],
      [4, 'zhangxiaoyin', 'leader', null, null],
      [5, 'dcs.wang', 'office', null, null],
    ]);
    expect(await countUsers()).toBe(before);
  });

  it('names each problem with its row and column: missing fields, bad role, unknown unit, taken and repeated names, phone', async () => {
    const res = await upload(
      '/api/users/import/preview',
      await filled([
        ['ok.one', '甲', '单位经办人', '区教育局', ''], // row 2: fine
        ['taken.name', '乙', '单位经办人', '区教育局', ''], // row 3: taken
        ['dup.name', '丙', '单位经办人', '区教育局', ''], // row 4: repeated below
        ['dup.name', '丁', '单位负责人', '区教育局', ''], // row 5
        ['Bad Name', '', '局长', '', ''], // row 6: format, no name, unknown role
        ['unit.unknown', '戊', '单位负责人', '区不存在局', ''], // row 7
        ['unit.foreign', '己', '单位经办人', '区外地局', ''], // row 8: another organisation's unit
        ['sys.admin', '庚', '系统管理员', '', ''], // row 9: 三员
        ['bad.phone', '辛', '查看人员', '', '1234'], // row 10
        ['no.unit', '壬', '单位经办人', '', ''], // row 11
        ['office.unit', '癸', '督查室', '区教育局', ''], // row 12
        ['leader.unknown', '李四', '区领导', '', ''], // row 13
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { rows: PreviewRow[]; errorRows: number }).rows;
    const at = (row: number) => rows.find((r) => r.row === row)!.errors;
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([{ column: '登录名', message: expect.stringContaining('已被系统中的其他账号使用') }]);
    expect(at(4)).toEqual([{ column: '登录名', message: expect.stringContaining('第 4、5 行重复') }]);
    expect(at(5)).toEqual([{ column: '登录名', message: expect.stringContaining('第 4、5 行重复') }]);
    expect(at(6).map((e) => e.column)).toEqual(['登录名', '姓名', '角色']);
    expect(at(6)[2]!.message).toContain('单位经办人、单位负责人');
    expect(at(7)).toEqual([{ column: '所属单位', message: expect.stringContaining('未找到单位“区不存在局”') }]);
    expect(at(8)).toEqual([{ column: '所属单位', message: expect.stringContaining('未找到单位“区外地局”') }]);
    expect(at(9)).toEqual([{ column: '角色', message: expect.stringContaining('三员') }]);
    expect(at(10)).toEqual([{ column: '手机号', message: expect.stringContaining('11 位手机号') }]);
    expect(at(11)).toEqual([{ column: '所属单位', message: expect.stringContaining('须填写所属单位') }]);
    expect(at(12)).toEqual([{ column: '所属单位', message: expect.stringContaining('请清空所属单位') }]);
    expect(at(13)).toEqual([{ column: '姓名', message: expect.stringContaining('领导名录中没有“李四”') }]);
    expect((res.json() as { errorRows: number }).errorRows).toBe(11);
  });

  it('imports all or nothing: one bad row writes nothing; a clean sheet is one request, and its approval creates every account, audited, with one-time passwords for the approver', async () => {
    const before = await countUsers();
    const auditBefore = (await t.ctx.db.selectFrom('audit_log').select('seq').execute()).length;
    const bad = await upload(
      '/api/users/import',
      await filled([
        ['yl.jingban', '何芳', '单位经办人', '区教育局', ''],
        ['yl.fuzeren', '郑志刚', '单位负责人', '区没有局', ''],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('USERS_IMPORT_HAS_ERRORS');
    expect(bad.json().error.message).toContain('第 3 行“所属单位”');
    expect(await countUsers()).toBe(before);
    expect(await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'yl.jingban').executeTakeFirst()).toBeUndefined();
    expect((await t.ctx.db.selectFrom('audit_log').select('seq').execute()).length).toBe(auditBefore);

    const ok = await upload(
      '/api/users/import',
      await filled([
        ['yl.jingban', '何芳', '单位经办人', '区教育局', '13900000003'],
        ['yl.fuzeren', '郑志刚', '单位负责人', '教育局', ''],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    // Asked for (issue 17, finding 4): one request for the batch, no account and no password yet.
    const asked = ok.json().request;
    expect(asked).toMatchObject({ kind: 'import', status: 'pending' });
    expect(asked.accounts.map((a: { username: string; unitName: string }) => [a.username, a.unitName])).toEqual([
      ['yl.jingban', '区教育局'],
      ['yl.fuzeren', '区教育局'],
    ]);
    expect(ok.body).not.toMatch(/initialPassword|base64/);
    expect(await countUsers()).toBe(before);
    // The names are held while it waits.
    const twice = await upload('/api/users/import/preview', await filled([['yl.jingban', '何芳', '单位经办人', '区教育局', '']]));
    expect(twice.json().rows[0].errors[0].message).toContain('待审批');

    const approved = await secadmin.request('POST', `/api/account-requests/${asked.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.headers['cache-control']).toBe('no-store');
    const result = approved.json().delivery as { accounts: { id: number; username: string; initialPassword: string }[]; passwordsFile: { name: string; base64: string } };
    expect(result.accounts.map((c) => c.username)).toEqual(['yl.jingban', 'yl.fuzeren']);
    expect(await countUsers()).toBe(before + 2);

    // Passwords: policy-strong, different, never stored in clear, to be changed at first sign-in.
    const [first, second] = result.accounts;
    expect(first!.initialPassword).not.toBe(second!.initialPassword);
    for (const c of result.accounts) expect(c.initialPassword).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z0-9]).{12}$/);
    const stored = await t.ctx.db.selectFrom('users').selectAll().where('username', '=', 'yl.jingban').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored).toMatchObject({ must_change_password: 1, phone: '13900000003', disabled: 0 });
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'after_json']).where('seq', '>', auditBefore).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['account_request.propose', 'user.create', 'user.create', 'user.import', 'account_request.approve']);
    expect(audit.map((a) => a.after_json).join('')).not.toContain(first!.initialPassword);
    expect(audit.map((a) => a.after_json).join('')).not.toContain('password_hash');
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

    const clerk = await signInAs(t.app, 'yl.jingban', first!.initialPassword);
    expect((await clerk.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);

    // The file of initial passwords holds the same pairs.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.passwordsFile.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'yl.jingban', '何芳', first!.initialPassword]);
    expect(sheet.getRow(4).values).toEqual([undefined, 'yl.fuzeren', '郑志刚', second!.initialPassword]);

    // The list shows them, with the phone.
    const list = (await admin.request('GET', '/api/users')).json().items as { username: string; phone: string | null; unit: { name: string } | null }[];
    expect(list.find((u) => u.username === 'yl.jingban')).toMatchObject({ phone: '13900000003', unit: { name: '区教育局' } });

    // The same sheet again: every name is now taken, nothing more is written.
    const again = await upload('/api/users/import', await filled([['yl.jingban', '何芳', '单位经办人', '区教育局', '']]));
    expect(again.json().error.code).toBe('USERS_IMPORT_HAS_ERRORS');
    expect(await countUsers()).toBe(before + 2);
  });

  it('guards the input: not xlsx, a renamed text file, too large, too many rows, no header', async () => {
    const csv = await upload('/api/users/import/preview', '登录名,姓名\n', '账号.csv');
    expect(csv.statusCode).toBe(415);
    expect(csv.json().error.message).toContain('仅支持 Excel .xlsx');
    const renamed = await upload('/api/users/import/preview', 'not a zip at all', '账号.xlsx');
    expect(renamed.statusCode).toBe(415);
    const big = await upload('/api/users/import/preview', Buffer.alloc(2 * 1024 * 1024 + 10, 1), '账号.xlsx');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('IMPORT_FILE_TOO_LARGE');
    const many = await upload(
      '/api/users/import/preview',
      await filled(Array.from({ length: USER_IMPORT_LIMITS.maxRows + 1 }, (_, i) => [`bulk.${i}`, '某', '单位经办人', '区教育局', ''])),
    );
    expect(many.statusCode).toBe(400);
    expect(many.json().error.code).toBe('USERS_IMPORT_TOO_MANY_ROWS');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['名字', '电话']);
    const noHeader = await upload('/api/users/import/preview', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(noHeader.json().error.code).toBe('USERS_IMPORT_NOT_TEMPLATE');
  });
});

describe('unit accounts in bulk: the upload rate limit', () => {
  it('counts the preview and the import as uploads of the address, like every multipart route', async () => {
    const t = await createTestApp({ DUBAN_RATE_LIMIT_UPLOADS: '2' });
    try {
      const org = await makeOrg(t.ctx);
      const admin = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'sysadmin')).username);
      const send = (url: string) => postMultipart(t.app, admin, url, [{ name: 'file', value: 'x', fileName: '账号.xlsx' }]);
      expect((await send('/api/users/import/preview')).statusCode).toBe(415);
      expect((await send('/api/users/import')).statusCode).toBe(415);
      const third = await send('/api/users/import/preview');
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
