import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app';
import { createTestDb, type TestDb } from '../test/db';
import { signInAs } from '../test/app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-directory';
import { seedDemo } from './seed-demo';

describe('demo', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ DUBAN_DEMO: 'on' });
  });
  afterAll(() => t.close());

  // The whole demo through the real importer: about 10 s alone, more on a loaded machine.
  it('builds 湖北省 → 武汉市 → 新洲区 and 黄陂区 with directories, the notices and a sign-in for every role, once', { timeout: 60_000 }, async () => {
    expect(await seedDemo(t.ctx)).toEqual({ created: true });
    expect(await seedDemo(t.ctx)).toEqual({ created: false });
    const orgs = await t.ctx.db.selectFrom('organisations').select(['name', 'level']).orderBy('id').execute();
    expect(orgs).toEqual([
      { name: '湖北省', level: 'province' },
      { name: '武汉市', level: 'city' },
      { name: '新洲区', level: 'district' },
      { name: '黄陂区', level: 'district' },
    ]);
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    expect([...roles].sort()).toEqual(['auditor', 'leader', 'office', 'secadmin', 'sysadmin', 'unit_head', 'unit_staff', 'viewer']);
    const units = new Set(DEMO_ACCOUNTS.filter((a) => a.unit).map((a) => a.unit));
    expect(units.size).toBeGreaterThanOrEqual(3);

    // Upper levels first (so district tasks can be linked to them), then the two districts.
    const notices = await t.ctx.db
      .selectFrom('notices')
      .innerJoin('organisations', 'organisations.id', 'notices.org_id')
      .leftJoin('tasks', 'tasks.notice_id', 'notices.id')
      .select((eb) => ['organisations.name', 'notices.doc_number', eb.fn.count<number>('tasks.id').as('tasks')])
      .groupBy(['notices.id', 'organisations.name', 'notices.doc_number'])
      .orderBy('notices.id')
      .execute();
    expect(notices.map((n) => [n.name, n.doc_number, Number(n.tasks)])).toEqual([
      ['湖北省', '鄂政办发〔2024〕6号', 48],
      ['武汉市', '武政办〔2024〕12号', 23],
      ['新洲区', '新政办〔2024〕1号', 242],
      ['黄陂区', '黄政办〔2024〕3号', 83],
    ]);
    // Every item the districts' annexes 2–5 cite is linked to the upper level's item at import.
    const links = await t.ctx.db
      .selectFrom('handdowns')
      .innerJoin('organisations', 'organisations.id', 'handdowns.lower_org_id')
      .select(['organisations.name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('organisations.name')
      .orderBy('organisations.name')
      .execute();
    expect(links.map((l) => [l.name, Number(l.n)]).sort()).toEqual([
      ['新洲区', 43],
      ['黄陂区', 43],
    ]);
    const leaders = (await t.ctx.db.selectFrom('leaders').select('name').execute()).map((l) => l.name);
    expect(leaders).not.toContain('祝力波');
    const app = await buildApp(t.ctx, { logger: false });
    const clerk = await signInAs(app, 'jtj.jingban', DEMO_PASSWORD);
    const me = (await clerk.request('GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'unit_staff', unit: { name: '区交通运输局' }, org: { name: '新洲区' } });
    expect(me.org.path.map((o: { name: string }) => o.name)).toEqual(['湖北省', '武汉市', '新洲区']);
    const accounts = (await app.inject({ method: 'GET', url: '/api/demo/accounts' })).json().accounts;
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    const hp = await signInAs(app, 'hp.jtj.jingban', DEMO_PASSWORD);
    expect((await hp.request('GET', '/api/auth/me')).json()).toMatchObject({ role: 'unit_staff', unit: { name: '区交通运输局' }, org: { name: '黄陂区' } });
    await app.close();
  });

  it('hides the demo sign-ins when the demo is off', async () => {
    const off = await createTestDb({ DUBAN_DEMO: 'off' });
    const app = await buildApp(off.ctx, { logger: false });
    const res = await app.inject({ method: 'GET', url: '/api/demo/accounts' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('DEMO_OFF');
    await app.close();
    await off.close();
  });
});
