import { hash } from '@node-rs/argon2';
import { createHash } from 'node:crypto';
import type { Role } from '../../core/roles';
import { districtDirectory, type DistrictDirectory } from './directory';
import { makeDice } from './dice';
import { personNames } from './names';

/**
 * The generated accounts. Usernames follow one pattern so a benchmark or a person finds them
 * without the database:
 *
 *   g001.office          the district's 督查室 (office)        g.province.office  the province's office
 *   g001.u07.clerk       unit 7's 经办人 (unit_staff)           g.c01.office       city 1's office
 *   g001.u07.head        unit 7's 负责人 (unit_head)
 *   g001.leader3         leader 3 (leader; 1 = 区长, 2 = 常务副区长, …)
 *   g001.viewer          a street office (viewer)
 *
 * Districts and units are numbered from 1 in directory order (generatedAccounts lists the unit
 * names). Every account has the password GENERATED_PASSWORD and need not change it.
 */
export const GENERATED_PASSWORD = 'Duban@2024';
export const DEFAULT_SEED = '1';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const districtPrefix = (district: number) => `g${pad(district, 3)}`;
export const cityOfficeUsername = (cityIndex: number) => `g.c${pad(cityIndex, 2)}.office`;
export const PROVINCE_OFFICE_USERNAME = 'g.province.office';

export type AccountSpec = {
  username: string;
  displayName: string;
  role: Role;
  /** The unit's name (unit roles) or the leader's (leader role). */
  unit?: string;
  leader?: string;
};

/** Every account of a generated district, in the order they are created. */
export function districtAccounts(seed: string, dir: DistrictDirectory): AccountSpec[] {
  const dice = makeDice(seed);
  const prefix = districtPrefix(dir.index);
  const people = personNames(dice, `people:${dir.index}`, dir.units.length * 2 + 1);
  const accounts: AccountSpec[] = [
    { username: `${prefix}.office`, displayName: `${people[0]}（${dir.name}督查室）`, role: 'office' },
  ];
  dir.units.forEach((unit, i) => {
    const u = `${prefix}.u${pad(i + 1, 2)}`;
    accounts.push({ username: `${u}.clerk`, displayName: people[1 + 2 * i]!, role: 'unit_staff', unit: unit.name });
    accounts.push({ username: `${u}.head`, displayName: people[2 + 2 * i]!, role: 'unit_head', unit: unit.name });
  });
  dir.leaders.forEach((leader, i) =>
    accounts.push({
      username: `${prefix}.leader${i + 1}`,
      displayName: leader.name,
      role: 'leader',
      leader: leader.name,
    }),
  );
  accounts.push({ username: `${prefix}.viewer`, displayName: `${dir.streets[0]}办事处`, role: 'viewer' });
  return accounts;
}

/**
 * The usernames of a generated district (1-based), for benchmarks and tests: the office, the
 * leaders, each unit's clerk and head with the unit's name, the viewer. Pure: computed from the
 * seed like the generator does, so it needs no database.
 *
 * To find a district's open quarter and its drafts in the database (business date 2024-06-25):
 *   select id from periods where org_id = <district org id> and status = 'open'
 *     -- the 2024 notice's second quarter (kind 'q2', deadline 2024-07-01); one per district
 *   select id, unit_id, state from unit_reports where period_id = <that id> and state in ('draft', 'returned')
 *     -- drafts partly or fully filled, and reports returned by the head or the office
 * (the district's org id is its office account's: select org_id from users where username = 'g001.office').
 */
export function generatedAccounts(district: number, opts: { seed?: string } = {}) {
  const seed = opts.seed ?? DEFAULT_SEED;
  // The city (and so the org code) depends on --districts; names and units do not.
  const dir = districtDirectory(seed, district, district);
  const prefix = districtPrefix(district);
  return {
    districtName: dir.name,
    office: `${prefix}.office`,
    viewer: `${prefix}.viewer`,
    leaders: dir.leaders.map((_, i) => `${prefix}.leader${i + 1}`),
    units: dir.units.map((u, i) => ({
      name: u.name,
      clerk: `${prefix}.u${pad(i + 1, 2)}.clerk`,
      head: `${prefix}.u${pad(i + 1, 2)}.head`,
    })),
    password: GENERATED_PASSWORD,
  };
}

/**
 * One argon2id hash for every generated account, with the parameters of server/auth/password.ts
 * (a test keeps them equal) and a salt derived from the seed: hashing 13,000 accounts one by one
 * would take minutes, and a random salt would make two runs differ.
 */
export function generatedPasswordHash(seed: string): Promise<string> {
  const salt = createHash('sha256').update(`duban-generate:${seed}`).digest().subarray(0, 16);
  return hash(GENERATED_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, salt });
}
