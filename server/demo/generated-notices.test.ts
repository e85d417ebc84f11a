import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeText, type AnnexKind, type ParsedNotice } from '../../core/notice';
import { systemActor } from '../audit/actor';
import { importNotice } from '../import/notice-import.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg } from '../test/factories';
import { huangpiNoticeText } from './huangpi-notice';
import { readSeedNotice } from './seed-demo';
import { citedItems, cityNoticeText, provinceNoticeText } from './upper-ledgers';

const seed = readSeedNotice();

/** Every task of a notice with its annex kind, the way the importer will store it. */
const tasksOf = (n: ParsedNotice) => n.annexes.flatMap((a) => a.tasks.map((t) => ({ ...t, kind: a.kind })));

const UPPER: { level: string; kinds: AnnexKind[]; text: string; docNumber: string }[] = [
  {
    level: 'city',
    kinds: ['city-gwr', 'city-livelihood'],
    text: cityNoticeText(seed),
    docNumber: '武政办〔2024〕12号',
  },
  {
    level: 'province',
    kinds: ['province-gwr', 'province-livelihood'],
    text: provinceNoticeText(seed),
    docNumber: '鄂政办发〔2024〕6号',
  },
];

describe('the generated upper-level notices', () => {
  it('hold every item the seed cites, under its number and with its words, plus items nobody cites', () => {
    expect(citedItems(seed)).toHaveLength(43);
    for (const upper of UPPER) {
      const parsed = parseNoticeText(upper.text);
      expect(parsed.document).toMatchObject({
        docNumber: upper.docNumber,
        year: 2024,
        reportingDeadlines: ['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01'],
      });
      expect(parsed.annexes.map((a) => a.kind)).toEqual(upper.kinds);
      const tasks = tasksOf(parsed);
      const cited = citedItems(seed).filter((c) => upper.kinds.includes(c.kind));
      for (const c of cited) {
        const found = tasks.filter((t) => t.kind === c.kind && t.seqNo === c.no);
        expect(
          found.map((t) => t.standard),
          `${c.kind} ${c.no}`,
        ).toEqual([c.text]);
      }
      expect(tasks.length).toBeGreaterThan(new Set(cited.map((c) => `${c.kind}:${c.no}`)).size);
      // Nothing for a person to confirm: every leader and unit reads cleanly.
      expect(parsed.stats.uncertainTasks).toBe(0);
      expect(parsed.stats.repairs).toBe(0);
      expect(parsed.directories.units.filter((u) => u.confirmed === false)).toEqual([]);
      expect(tasks.every((t) => t.leaders.length > 0 && t.units.length > 0 && t.dueDate !== null)).toBe(true);
    }
  });

  it('are the same text on every call (no clock, no randomness)', () => {
    expect(cityNoticeText(readSeedNotice())).toBe(UPPER[0]!.text);
    expect(huangpiNoticeText(readSeedNotice())).toBe(huangpiNoticeText(seed));
  });
});

describe('the generated 黄陂区 notice', () => {
  it('cites the same upstream items as 新洲区 with its own targets, after 40 tasks of its own', () => {
    const parsed = parseNoticeText(huangpiNoticeText(seed));
    expect(parsed.document).toMatchObject({
      docNumber: '黄政办〔2024〕3号',
      issuer: '武汉市黄陂区人民政府办公室',
      reportTo: '区政府督查室',
    });
    expect(parsed.annexes.map((a) => [a.kind, a.tasks.length])).toEqual([
      ['district-gwr', 40],
      ['province-gwr', 24],
      ['province-livelihood', 10],
      ['city-gwr', 7],
      ['city-livelihood', 2],
    ]);
    const own = parsed.annexes[0]!.tasks;
    expect(own.filter((t) => t.indicators.length > 0).length).toBeGreaterThanOrEqual(35);
    const handed = tasksOf(parsed).filter((t) => t.kind !== 'district-gwr');
    const cited = citedItems(seed);
    expect(handed.map((t) => [t.kind, t.upstreamNo, t.upstreamItem])).toEqual(cited.map((c) => [c.kind, c.no, c.text]));
    const xinzhou = tasksOf(seed).filter((t) => t.kind !== 'district-gwr');
    // Its own targets: none is 新洲区's text, and the general fallback is never needed.
    for (const [i, t] of handed.entries()) {
      expect(t.standard).not.toBe(xinzhou[i]!.standard);
      expect(t.standard).not.toMatch(/新洲|结合我区实际细化工作措施/);
    }
    expect(parsed.stats.uncertainTasks).toBe(0);
    expect(parsed.directories.units.filter((u) => u.confirmed === false)).toEqual([]);
  });
});

describe('importing the generated notices', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('goes through the real importer without errors', async () => {
    const actor = systemActor('测试');
    const province = await makeOrg(t.ctx, { name: '湖北省', level: 'province' });
    const city = await makeOrg(t.ctx, { name: '武汉市', level: 'city', parentId: province.id });
    const district = await makeOrg(t.ctx, { name: '黄陂区', level: 'district', parentId: city.id });
    const files: [number, string, string][] = [
      [province.id, 'hubei.txt', UPPER[1]!.text],
      [city.id, 'wuhan.txt', UPPER[0]!.text],
      [district.id, 'huangpi.txt', huangpiNoticeText(seed)],
    ];
    const results = [];
    for (const [orgId, fileName, text] of files) {
      results.push(await importNotice(t.ctx, actor, orgId, { fileName, content: Buffer.from(text, 'utf8') }));
    }
    expect(results.map((r) => [r.created, r.tasks, r.annexes])).toEqual([
      [true, 48, 2],
      [true, 23, 2],
      [true, 83, 5],
    ]);
  });
});
