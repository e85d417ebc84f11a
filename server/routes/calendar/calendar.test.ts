import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOf } from '../../calendar/calendar.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUnit, makeUser } from '../../test/factories';

type Day = {
  date: string;
  off: boolean;
  name: string;
  source: 'shipped' | 'office';
  replaces: { off: boolean; name: string } | null;
};
type View = {
  settings: { basis: string; shiftDeadlines: boolean; days: { date: string; off: boolean; name: string }[] };
  year: number;
  yearShipped: boolean;
  shippedYears: number[];
  officeYears: number[];
  days: Day[];
};

const URL = '/api/settings/work-calendar';
const NATIONAL_DAY_2027 = [
  { date: '2027-10-01', off: true, name: '国庆节' },
  { date: '2027-10-02', off: true, name: '国庆节' },
  { date: '2027-09-26', off: false, name: '国庆节调休上班' },
];

/** The office's working-day calendar over HTTP: the shipped State Council days, the office's own, who may change them. */
describe('work calendar settings', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client;
  let clerk: Client;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx)).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    const unitId = (await makeUnit(t.ctx, orgId)).id;
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId })).username);
  });
  afterAll(() => t.close());

  it('shows the business year’s shipped holidays by default: 2024-10-01 is 国庆节, off', async () => {
    const res = await office.request('GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<View>();
    expect(v.year).toBe(2024);
    expect(v.yearShipped).toBe(true);
    expect(v.shippedYears).toEqual([2024, 2025, 2026]);
    expect(v.settings).toEqual({ basis: 'working', shiftDeadlines: true, days: [] });
    expect(v.days.find((d) => d.date === '2024-10-01')).toEqual({
      date: '2024-10-01',
      off: true,
      name: '国庆节',
      source: 'shipped',
      replaces: null,
    });
    expect(v.days.find((d) => d.date === '2024-10-12')).toMatchObject({
      off: false,
      name: '国庆节调休上班',
      source: 'shipped',
    });
    expect(v.days.every((d) => d.date.startsWith('2024-'))).toBe(true);
    expect(v.days.map((d) => d.date)).toEqual([...v.days.map((d) => d.date)].sort());
  });

  it('says when a year has no shipped arrangement', async () => {
    const v = (await office.request('GET', `${URL}?year=2027`)).json<View>();
    expect(v).toMatchObject({ year: 2027, yearShipped: false, days: [] });
    expect((await office.request('GET', `${URL}?year=1999`)).statusCode).toBe(400);
  });

  it('saves the office’s own 2027 days (audited) and lists them as the office’s', async () => {
    const res = await office.request('PUT', URL, { basis: 'calendar', shiftDeadlines: false, days: NATIONAL_DAY_2027, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<View>().year).toBe(2024);

    const v = (await office.request('GET', `${URL}?year=2027`)).json<View>();
    expect(v.settings).toMatchObject({ basis: 'calendar', shiftDeadlines: false });
    expect(v.officeYears).toEqual([2027]);
    expect(v.days).toEqual([
      { date: '2027-09-26', off: false, name: '国庆节调休上班', source: 'office', replaces: null },
      { date: '2027-10-01', off: true, name: '国庆节', source: 'office', replaces: null },
      { date: '2027-10-02', off: true, name: '国庆节', source: 'office', replaces: null },
    ]);
    // The calendar every service reads follows the setting.
    const cal = await calendarOf(t.ctx.db, orgId);
    expect(cal.isWorkingDay('2027-10-01')).toBe(false);
    expect(cal.isWorkingDay('2027-09-26')).toBe(true);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['after_json', 'entity_id'])
      .where('action', '=', 'setting.update')
      .where('entity_id', '=', 'workCalendar')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!).days).toHaveLength(3);
  });

  it('lets an office day replace a shipped one, and says what it replaced', async () => {
    const days = [...NATIONAL_DAY_2027, { date: '2024-10-07', off: false, name: '本区值班上班' }];
    const res = await office.request('PUT', `${URL}?year=2024`, { basis: 'working', shiftDeadlines: true, days, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<View>();
    expect(v.days.find((d) => d.date === '2024-10-07')).toEqual({
      date: '2024-10-07',
      off: false,
      name: '本区值班上班',
      source: 'office',
      replaces: { off: true, name: '国庆节' },
    });
    expect(v.days.filter((d) => d.date === '2024-10-07')).toHaveLength(1);
  });

  it('lets units read the calendar but only the office change it', async () => {
    expect((await clerk.request('GET', URL)).statusCode).toBe(200);
    const res = await clerk.request('PUT', URL, { basis: 'working', shiftDeadlines: true, days: [], version: 2 });
    expect(res.statusCode).toBe(403);
    expect((await office.request('GET', `${URL}?year=2027`)).json<View>().days).toHaveLength(3);
  });

  it('refuses an impossible date and a date listed twice, naming the date, and keeps what was saved', async () => {
    const bad = await office.request('PUT', URL, {
      basis: 'working',
      shiftDeadlines: true,
      days: [
        { date: '2027-02-30', off: true, name: '春节' },
        { date: '2027/10/01', off: true, name: '国庆节' },
        { date: '2027-10-03', off: true, name: ' ' },
      ],
      version: 2,
    });
    expect(bad.statusCode).toBe(400);
    const e = bad.json().error;
    expect(e.code).toBe('VALIDATION_FAILED');
    // Each problem is keyed by the date it is about, so the office knows which row to fix.
    expect(Object.keys(e.fields)).toEqual(['2027-02-30', '2027/10/01', '2027-10-03']);
    expect(e.fields['2027-02-30']).toMatch(/不是有效日期/);
    expect(e.fields['2027/10/01']).toMatch(/YYYY-MM-DD/);
    expect(e.fields['2027-10-03']).toMatch(/名称/);
    for (const date of Object.keys(e.fields)) expect(e.message).toContain(date);

    const twice = await office.request('PUT', URL, {
      basis: 'working',
      shiftDeadlines: true,
      days: [...NATIONAL_DAY_2027, { date: '2027-10-01', off: false, name: '上班' }],
      version: 2,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.code).toBe('VALIDATION_FAILED');
    expect(twice.json().error.fields).toEqual({ '2027-10-01': expect.stringMatching(/同一日期只能设置一次/) });
    expect(twice.json().error.message).toContain('2027-10-01');

    const wrongShape = await office.request('PUT', URL, { basis: 'sometimes', shiftDeadlines: true, days: [], version: 2 });
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().error.code).toBe('VALIDATION_FAILED');

    const v = (await office.request('GET', `${URL}?year=2027`)).json<View>();
    expect(v.days.map((d) => d.date)).toEqual(['2027-09-26', '2027-10-01', '2027-10-02']);
  });
});
