import { performance } from 'node:perf_hooks';
import { systemActor, type Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { createClock } from '../clock';
import { inTransaction, type AppContext } from '../context';
import { importNotice } from '../import/notice-import.service';
import {
  cityOfficeUsername,
  DEFAULT_SEED,
  districtAccounts,
  districtPrefix,
  generatedPasswordHash,
  PROVINCE_OFFICE_USERNAME,
} from './accounts';
import { IdAllocator, insertRows, syncSequences } from './bulk';
import { addDays, beijingInstant, generatedYears } from './calendar';
import { makeDice } from './dice';
import { cityCode, cityCount, districtDirectory, upperDirectory, type UpperDirectory } from './directory';
import { writeDirectory, type Person } from './directory-writer';
import { districtNotice } from './district-notice';
import { cityName, PROVINCE } from './names';
import { districtProfile } from './profile';
import { stampImport, writeDistrictYear } from './report-writer';
import { countWorld, type WorldCounts } from './summary';
import { citedItems, upperItems, type UpperItem } from './upper-items';
import { upperNotice } from './upper-notice';

/**
 * The synthetic world of issue 8: one province (楚川省, 910000), its cities and districts, each
 * organisation with a directory, accounts and a yearly notice for each generated year, imported
 * through the real importer (parser, ledger writer, periods, upstream links), then — district by
 * district — every period's reports up to the business date 2024-06-25. Deterministic: the same
 * options on an empty database give the same rows, ids included (the audit log's wall-clock
 * times excepted: they record when the generator ran, as every audit entry does).
 */
export type GenerateOptions = { districts: number; years: number; seed: string };

export const GENERATE_LIMITS = { districts: { min: 1, max: 300 }, years: { min: 1, max: 10 } } as const;

export type GenerateProgress = {
  district: number;
  of: number;
  code: string;
  name: string;
  tasks: number;
  reports: number;
  entries: number;
  /** Since the start of generation. */
  seconds: number;
};

export type GenerateSummary = WorldCounts & {
  engine: AppContext['engine'];
  options: GenerateOptions;
  cities: number;
  years: number[];
  seconds: number;
  /** Where the time went: importing notices (parse + importer) and writing reports. */
  timings: { directories: number; imports: number; reports: number };
};

/** Refused: the database is not empty. Carries the message in both languages. */
export class GenerateRefusedError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${en}\n${zh}`);
    this.name = 'GenerateRefusedError';
  }
}

export function checkOptions(o: Partial<GenerateOptions>): GenerateOptions {
  const districts = o.districts ?? NaN;
  const years = o.years ?? 4;
  const seed = o.seed ?? DEFAULT_SEED;
  const { districts: d, years: y } = GENERATE_LIMITS;
  if (!Number.isInteger(districts) || districts < d.min || districts > d.max)
    throw new RangeError(`--districts must be a whole number from ${d.min} to ${d.max}`);
  if (!Number.isInteger(years) || years < y.min || years > y.max)
    throw new RangeError(`--years must be a whole number from ${y.min} to ${y.max}`);
  if (seed.length === 0 || seed.length > 64) throw new RangeError('--seed must be 1 to 64 characters');
  return { districts, years, seed };
}

const GENERATOR: Actor = systemActor('数据生成器（合成数据）');

export async function generateWorld(
  ctx: AppContext,
  raw: Partial<GenerateOptions>,
  onProgress?: (p: GenerateProgress) => void,
): Promise<GenerateSummary> {
  const options = checkOptions(raw);
  const started = performance.now();
  const timings = { directories: 0, imports: 0, reports: 0 };
  const timed = async <T>(phase: keyof typeof timings, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[phase] += (performance.now() - t0) / 1000;
    }
  };
  const existing = await ctx.db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    throw new GenerateRefusedError(
      `数据库中已有 ${existing.n} 个机构，生成器只写入空数据库，以免合成数据与真实或演示数据混在一起。请使用新的空数据库（另设 DATABASE_URL 或 DUBAN_DATA_DIR），并以 DUBAN_DEMO=off 运行，避免启动时写入演示数据。`,
      `the database already holds ${existing.n} organisations; the generator writes only into an empty database so synthetic data never mixes with real or demo data. Use a new empty database (another DATABASE_URL or DUBAN_DATA_DIR) and run with DUBAN_DEMO=off so the demo is not seeded into it.`,
    );
  }
  const { seed, districts } = options;
  const dice = makeDice(seed);
  const years = generatedYears(options.years);
  const passwordHash = await generatedPasswordHash(seed);
  const worldStart = beijingInstant(`${years[0]}-01-04`, 9 * 60);
  const cities = cityCount(districts);

  // Organisations: the province, its cities, their districts (ids in that order).
  const province = upperDirectory(seed, 'province', PROVINCE.code, PROVINCE.name);
  const cityDirs = Array.from({ length: cities }, (_, i) =>
    upperDirectory(seed, 'city', cityCode(i + 1), `${cityName(i + 1)}市`),
  );
  const districtDirs = Array.from({ length: districts }, (_, i) => districtDirectory(seed, i + 1, districts));
  const orgIds = await inTransaction(ctx, async (trx) => {
    const ids = await IdAllocator.load(trx, ['organisations']);
    const rows: unknown[][] = [];
    const byCode = new Map<string, number>();
    const add = (code: string, name: string, level: string, parent: string | null) => {
      const id = ids.take('organisations');
      byCode.set(code, id);
      rows.push([id, parent ? byCode.get(parent)! : null, name, level, code, worldStart]);
    };
    add(province.code, province.name, 'province', null);
    for (const c of cityDirs) add(c.code, c.name, 'city', province.code);
    for (const d of districtDirs) add(d.code, d.name, 'district', cityCode(d.cityIndex));
    await insertRows(
      trx,
      ctx.engine,
      'organisations',
      ['id', 'parent_id', 'name', 'level', 'code', 'created_at'],
      rows,
    );
    await appendAudit(trx, ctx.engine, {
      actor: GENERATOR,
      orgId: null,
      action: 'generate.world',
      entity: 'organisation',
      entityId: byCode.get(province.code)!,
      after: { synthetic: true, ...options, years },
    });
    return byCode;
  });
  await syncSequences(ctx.db, ctx.engine, ['organisations']);

  // Upper levels: directories, then every year's notice (before any district cites it).
  const upperOffices = new Map<string, Person>();
  for (const [dir, username] of [
    [province, PROVINCE_OFFICE_USERNAME] as const,
    ...cityDirs.map((c, i) => [c, cityOfficeUsername(i + 1)] as const),
  ]) {
    const written = await timed('directories', () =>
      writeDirectory(
        ctx,
        GENERATOR,
        orgIds.get(dir.code)!,
        {
          units: dir.units,
          leaders: dir.leaders,
          accounts: [{ username, displayName: `${dir.name}督查室`, role: 'office' }],
        },
        passwordHash,
        worldStart,
      ),
    );
    upperOffices.set(dir.code, written.users.get(username)!);
  }
  const items = new Map<string, UpperItem[]>();
  const itemsOf = (dir: UpperDirectory, year: number) => {
    const key = `${dir.code}:${year}`;
    if (!items.has(key)) items.set(key, upperItems(dice, dir.level, dir.code, year));
    return items.get(key)!;
  };
  for (const year of years) {
    for (const dir of [province, ...cityDirs]) {
      const prefix = dir.level === 'province' ? `${PROVINCE.short}政办发` : `${dir.name[0]}政办`;
      const notice = upperNotice(dice, dir, prefix, year, itemsOf(dir, year));
      await timed('imports', () => importYear(ctx, orgIds.get(dir.code)!, upperOffices.get(dir.code)!, notice));
    }
  }

  // Districts, one at a time: memory stays that of one district-year.
  for (const dir of districtDirs) {
    const orgId = orgIds.get(dir.code)!;
    const accounts = districtAccounts(seed, dir);
    const written = await timed('directories', () =>
      writeDirectory(
        ctx,
        GENERATOR,
        orgId,
        { units: dir.units.map((u) => u.name), leaders: dir.leaders, accounts },
        passwordHash,
        worldStart,
      ),
    );
    const people = new Map<number, { name: string; clerk: Person; head: Person }>();
    dir.units.forEach((unit, i) => {
      const u = `${districtPrefix(dir.index)}.u${String(i + 1).padStart(2, '0')}`;
      people.set(written.units.get(unit.name)!, {
        name: unit.name,
        clerk: written.users.get(`${u}.clerk`)!,
        head: written.users.get(`${u}.head`)!,
      });
    });
    const office = written.users.get(accounts[0]!.username)!;
    const profile = districtProfile(dice, dir.index);
    const city = cityDirs[dir.cityIndex - 1]!;
    let tasks = 0;
    let reports = 0;
    let entries = 0;
    for (const year of years) {
      const cited = citedItems(dice, dir.index, year, [...itemsOf(province, year), ...itemsOf(city, year)]);
      const notice = districtNotice(dice, dir, cityName(dir.cityIndex), year, cited);
      const imported = await timed('imports', () => importYear(ctx, orgId, office, notice, { stamp: false }));
      tasks += imported.tasks;
      const counts = await timed('reports', () =>
        writeDistrictYear(ctx, GENERATOR, {
          dice,
          profile,
          district: dir.index,
          year,
          orgId,
          noticeId: imported.noticeId,
          issuedDate: notice.issuedDate,
          importedAt: imported.importedAt,
          office,
          people,
        }),
      );
      reports += counts.reports;
      entries += counts.entries;
    }
    onProgress?.({
      district: dir.index,
      of: districts,
      code: dir.code,
      name: dir.name,
      tasks,
      reports,
      entries,
      seconds: (performance.now() - started) / 1000,
    });
  }
  await syncSequences(ctx.db, ctx.engine, ['unit_reports', 'task_progress', 'indicator_actuals', 'notifications']);
  const counts = await countWorld(ctx.db);
  return {
    ...counts,
    engine: ctx.engine,
    options,
    cities,
    years,
    seconds: (performance.now() - started) / 1000,
    timings,
  };
}

/**
 * Imports a generated notice through the real importer, the day after it was issued: the
 * business clock is set to that day (periods are "past at import" only when their deadline was),
 * the office's account imports it. Upper notices get their rows stamped here; a district's are
 * stamped in its reports' transaction.
 */
async function importYear(
  ctx: AppContext,
  orgId: number,
  office: Person,
  notice: { fileName: string; issuedDate: string; text: string },
  opts: { stamp?: boolean } = {},
) {
  const importDay = addDays(notice.issuedDate, 1);
  const actor: Actor = { userId: office.id, name: office.name, orgId, role: 'office', unitId: null, leaderId: null };
  const result = await importNotice({ ...ctx, clock: createClock({ today: importDay }) }, actor, orgId, {
    fileName: notice.fileName,
    content: Buffer.from(notice.text, 'utf8'),
  });
  const importedAt = beijingInstant(importDay, 10 * 60);
  if (opts.stamp !== false) await inTransaction(ctx, (trx) => stampImport(trx, result.noticeId, importedAt));
  return { noticeId: result.noticeId, tasks: result.tasks, importedAt };
}
