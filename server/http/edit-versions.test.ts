import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../core/assessment/scheme';
import { buildAssessmentFixture, FIXTURE_TODAY } from '../assessment/test-fixture';
import { makeNoticeWithPeriod } from '../reminders/test-support';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';

/**
 * Issue 17, finding 11: two office people open the same record, the first saves, then the second
 * saves what they loaded. The second save must be refused (409 STALE_VERSION, saying someone else
 * saved first and to reload) and the first person's change must still be there — for every record
 * the office edits as a form: units, leaders, a period's extension, the year's assessment scheme,
 * each setting of 系统设置 (the first save of a setting never saved, and a later one), and a report's
 * quality rating (its one field is its own version: the rating the office saw).
 */
type Version = number | string | null;
type Loaded = { version: Version; value: unknown };
type Case = {
  record: string;
  /** What the editor loads: the version it will send back and the part of the record compared. */
  load: (as: Client) => Promise<Loaded>;
  /** The editor's save against the version it loaded; `who` makes the two editors' changes differ. */
  save: (as: Client, version: Version, who: 'first' | 'second') => ReturnType<Client['request']>;
};

describe('edits against a version: the second of two editors is refused, the first one’s change kept (both engines)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let first: Client;
  let second: Client;
  let unitId: number;
  let leaderId: number;
  let periodId: number;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: FIXTURE_TODAY });
    const orgId = (await makeOrg(t.ctx)).id;
    // A report that reached the office, not rated yet (区甲局's Q2).
    reportId = (await buildAssessmentFixture(t.ctx, orgId)).reports.jiaQ2;
    unitId = (await makeUnit(t.ctx, orgId, { name: '区供销联社' })).id;
    leaderId = (await makeLeader(t.ctx, orgId, '丁力')).id;
    periodId = (await makeNoticeWithPeriod(t.ctx, orgId, { deadline: '2024-07-01', tasks: [{ unitIds: [unitId], leaderIds: [leaderId] }] })).periodId;
    first = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    second = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
  });
  afterAll(() => t.close());

  const sameVersion = (a: Version, b: Version) => a === b;
  const get = async <T>(as: Client, url: string) => (await as.request('GET', url)).json<T>();
  /** A setting read flat ({...value, version}), the value being every field but the version. */
  const flatSetting = (url: string) => async (as: Client): Promise<Loaded> => {
    const { version, ...value } = await get<{ version: number }>(as, url);
    return { version, value };
  };
  let extensions = 0;
  const WORKING_DAYS = ['2024-07-10', '2024-07-11', '2024-07-12', '2024-07-16', '2024-07-17', '2024-07-18'];

  const cases: Case[] = [
    {
      record: 'a unit (单位)',
      load: async (as) => {
        const { unit } = await get<{ unit: { version: number; name: string; aliases: string[] } }>(as, `/api/units/${unitId}`);
        return { version: unit.version, value: { name: unit.name, aliases: unit.aliases } };
      },
      save: (as, version, who) =>
        as.request('PATCH', `/api/units/${unitId}`, who === 'first' ? { name: '区供销合作社联合社', aliases: ['区供销社'], version } : { name: '区供销总社', aliases: [], version }),
    },
    {
      record: 'a leader (领导)',
      load: async (as) => {
        const leader = (await get<{ items: { id: number; version: number; name: string; title: string }[] }>(as, '/api/leaders')).items.find((l) => l.id === leaderId)!;
        return { version: leader.version, value: { name: leader.name, title: leader.title } };
      },
      save: (as, version, who) => as.request('PATCH', `/api/leaders/${leaderId}`, { title: who === 'first' ? '区委常委、常务副区长' : '副区长', version }),
    },
    {
      record: 'a period’s extension (报送期延期)',
      load: async (as) => {
        const period = (await get<{ items: { id: number; version: number; effectiveDeadline: string; extensionReason: string | null }[] }>(as, '/api/periods')).items.find((p) => p.id === periodId)!;
        return { version: period.version, value: { effectiveDeadline: period.effectiveDeadline, extensionReason: period.extensionReason } };
      },
      // Each extension a working day later than any before it, so only the version can refuse one.
      save: (as, version, who) =>
        as.request('POST', `/api/periods/${periodId}/extend`, { deadline: WORKING_DAYS[extensions++]!, reason: who === 'first' ? '汛期' : '另一位同事的理由', version }),
    },
    {
      record: 'the year’s assessment scheme (考核方案)',
      load: async (as) => {
        const view = await get<{ version: number; scheme: unknown }>(as, '/api/assessment/scheme?year=2024');
        return { version: view.version, value: view.scheme };
      },
      save: (as, version, who) =>
        as.request('PUT', '/api/assessment/scheme?year=2024', { ...DEFAULT_SCHEME, bonus: { ...DEFAULT_SCHEME.bonus, cap: who === 'first' ? 3 : 4 }, version }),
    },
    {
      record: 'the light thresholds (红黄绿灯阈值)',
      load: flatSetting('/api/settings/light-thresholds'),
      save: (as, version, who) => as.request('PUT', '/api/settings/light-thresholds', who === 'first' ? { yellowGap: 0.05, redGap: 0.15, version } : { yellowGap: 0.2, redGap: 0.4, version }),
    },
    {
      record: 'the report completeness (报告完整性)',
      load: flatSetting('/api/settings/report-completeness'),
      // The second editor saves the same switch back the other way, the change a toggle makes.
      save: async (as, version, who) => {
        const { coUnitsMayLeaveBlank } = await get<{ coUnitsMayLeaveBlank: boolean }>(as, '/api/settings/report-completeness');
        return as.request('PUT', '/api/settings/report-completeness', { coUnitsMayLeaveBlank: who === 'first' ? !coUnitsMayLeaveBlank : coUnitsMayLeaveBlank, version });
      },
    },
    {
      record: 'the evidence requirement (佐证材料)',
      load: flatSetting('/api/settings/evidence-requirement'),
      save: async (as, version, who) => {
        const { requireForCompleted } = await get<{ requireForCompleted: boolean }>(as, '/api/settings/evidence-requirement');
        return as.request('PUT', '/api/settings/evidence-requirement', { requireForCompleted: who === 'first' ? !requireForCompleted : requireForCompleted, version });
      },
    },
    {
      record: 'the reminder schedule (提醒时间)',
      load: flatSetting('/api/settings/reminder-schedule'),
      save: (as, version, who) =>
        as.request('PUT', '/api/settings/reminder-schedule', who === 'first' ? { daysBefore: [5, 2], urgeAfterDays: [2], version } : { daysBefore: [1], urgeAfterDays: [10], version }),
    },
    {
      record: 'the outgoing channels (通知渠道)',
      load: flatSetting('/api/settings/channels'),
      save: (as, version, who) =>
        as.request('PUT', '/api/settings/channels', {
          email: { enabled: false, username: who === 'first' ? 'first-editor' : 'second-editor' },
          wecom: { enabled: false },
          dingtalk: { enabled: false },
          version,
        }),
    },
    {
      record: 'the period schedule (报送期自动开启/关闭)',
      load: async (as) => {
        const view = await get<{ version: number; settings: unknown }>(as, '/api/settings/period-schedule');
        return { version: view.version, value: view.settings };
      },
      save: (as, version, who) =>
        as.request('PUT', '/api/settings/period-schedule', { autoOpen: true, openDaysAfterPreviousDeadline: who === 'first' ? 3 : 5, autoClose: true, closeDaysAfterDeadline: 15, version }),
    },
    {
      record: 'the work calendar (工作日历)',
      load: async (as) => {
        const view = await get<{ version: number; settings: unknown }>(as, '/api/settings/work-calendar');
        return { version: view.version, value: view.settings };
      },
      save: (as, version, who) =>
        as.request('PUT', '/api/settings/work-calendar', {
          basis: 'working',
          shiftDeadlines: true,
          days: [{ date: '2027-10-01', off: true, name: who === 'first' ? '国庆节' : '本区调休' }],
          version,
        }),
    },
    {
      record: 'a report’s quality rating (报告质量评价)',
      load: async (as) => {
        const { rating } = await get<{ rating: string | null }>(as, `/api/reports/${reportId}/quality`);
        return { version: rating, value: rating };
      },
      save: async (as, loadedRating, who) => {
        // Each editor picks a rating other than the one now stored, as the select would.
        const { rating } = await get<{ rating: string | null }>(as, `/api/reports/${reportId}/quality`);
        const choice = who === 'first' ? (rating === 'excellent' ? 'good' : 'excellent') : rating === 'poor' ? 'fair' : 'poor';
        return as.request('PUT', `/api/reports/${reportId}/quality`, { rating: choice, loadedRating });
      },
    },
  ];

  // Twice each: a setting or scheme never saved (version 0, the save inserts) and one saved before.
  for (const round of ['first edit', 'later edit']) {
    it.each(cases)(`$record (${round})`, async ({ load, save }) => {
      const loadedByFirst = await load(first);
      const loadedBySecond = await load(second);
      expect(loadedBySecond.version).toBe(loadedByFirst.version);

      const saved = await save(first, loadedByFirst.version, 'first');
      expect(saved.statusCode, saved.body).toBe(200);
      const afterFirst = await load(first);

      const refused = await save(second, loadedBySecond.version, 'second');
      expect(refused.statusCode, refused.body).toBe(409);
      expect(sameVersion(afterFirst.version, loadedByFirst.version)).toBe(false);
      expect(refused.json().error.code).toBe('STALE_VERSION');
      expect(refused.json().error.message).toMatch(/他人已先保存.*请刷新页面/);
      // Nothing of the second save was written: the first editor's change stands, at its version.
      expect(await load(second)).toEqual(afterFirst);

      // Having reloaded, the second editor saves over the first one's change knowingly.
      const reloaded = await load(second);
      expect((await save(second, reloaded.version, 'second')).statusCode).toBe(200);
      expect(sameVersion((await load(first)).version, reloaded.version)).toBe(false);
    });
  }

  it('audits only the saves that were made', async () => {
    const audited = await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'in', ['unit.update', 'leader.update', 'period.extend']).execute();
    // Per record and round: the first editor's save and the second's after reloading; never the refused one.
    expect(audited.filter((a) => a.action === 'unit.update')).toHaveLength(4);
    expect(audited.filter((a) => a.action === 'leader.update')).toHaveLength(4);
    expect(audited.filter((a) => a.action === 'period.extend')).toHaveLength(4);
  });
});
