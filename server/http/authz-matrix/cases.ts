import type { Role } from '../../../core/roles';
import { UNIT, UNIT_BOUND, type Declaration, type Records } from './declarations';
import type { MatrixWorld } from './world';

/**
 * Where the record of a case comes from, seen from the caller:
 * - 'org': no record (the caller's own organisation);
 * - 'own' / 'otherUnit': the caller's district, its own unit's record / another unit's;
 * - 'sibling': the sibling district's record;
 * - 'foreignRef': the URL names the caller's own unit's record, the body or second id the sibling's;
 * - 'cross': the city above asks for the district's record (or, without a record, for its own).
 */
export type Side = 'org' | 'own' | 'otherUnit' | 'sibling' | 'foreignRef' | 'cross';

/**
 * What must happen: 'allow' — the handler answers (no refusal by role or record); 'deny' — 403
 * with an access-control code, or 404; 'refuse' — a refused reference: any 4xx, nothing written;
 * 'answer' — a public route: any answer but a server error.
 */
export type Expectation = 'allow' | 'deny' | 'refuse' | 'answer';

export type Case = {
  key: string;
  method: string;
  path: string;
  decl: Declaration;
  role: Role;
  /** Whose session: one of the district's eight actors, or the city's. */
  caller: 'district' | 'city';
  side: Side;
  rec: Records;
  ref: Records;
  expected: Expectation;
};

const isUnitRole = (role: Role) => UNIT.includes(role);

/** Every case of one route: each role × each place its record can come from. */
export function casesOf(key: string, decl: Declaration, w: MatrixWorld): Case[] {
  const [method, path] = key.split(' ') as [string, string];
  const { own, otherUnit, sibling } = w.records;
  const cases: Case[] = [];
  const add = (role: Role, caller: Case['caller'], side: Side, rec: Records, ref: Records, expected: Expectation) =>
    cases.push({ key, method, path, decl, role, caller, side, rec, ref, expected });
  const may = (role: Role) => decl.roles.includes(role);
  const roles = Object.keys(w.actors) as Role[];

  if (decl.scope === 'public') {
    for (const role of roles) add(role, 'district', 'org', own, own, 'answer');
    return cases;
  }
  if (decl.scope === 'none') {
    for (const role of roles) add(role, 'district', 'org', own, own, may(role) ? 'allow' : 'deny');
    // The city asks about itself; a body naming one of the district's records is a foreign reference to it.
    for (const { role } of w.cityActors)
      add(role, 'city', 'cross', own, own, !may(role) ? 'deny' : decl.foreignRef ? 'refuse' : 'allow');
    if (decl.foreignRef)
      for (const role of roles) add(role, 'district', 'foreignRef', own, sibling, may(role) ? 'refuse' : 'deny');
    return cases;
  }

  const self = decl.scope === 'self';
  for (const role of roles) {
    add(role, 'district', 'own', own, own, self || may(role) ? 'allow' : 'deny');
    if (UNIT_BOUND.includes(decl.record!)) {
      const unitLimited = decl.scope !== 'org' && isUnitRole(role);
      add(role, 'district', 'otherUnit', otherUnit, otherUnit, self || (may(role) && !unitLimited) ? 'allow' : 'deny');
    }
    add(role, 'district', 'sibling', sibling, sibling, self ? 'allow' : 'deny');
    if (decl.foreignRef) add(role, 'district', 'foreignRef', own, sibling, may(role) ? 'refuse' : 'deny');
  }
  // The city reads a district's record only by roll-up drill-down, and only one linked to its items
  // (the district's charging-pile task answers the city's item (129)).
  for (const { role } of w.cityActors)
    add(role, 'city', 'cross', own, own, self || (decl.scope === 'upstream' && may(role)) ? 'allow' : 'deny');
  return cases;
}

/**
 * The order the cases run in, so that a change an allowed call makes cannot spoil a later case:
 * every read first (refusals, then allowed ones), then every state-changing call that must be
 * refused, then the allowed state-changing calls, deletions, and last the calls that end all of the
 * caller's sessions. Within each, route by route.
 */
export function runOrder(cases: Case[]): Case[] {
  const refused = (c: Case) => c.expected === 'deny' || c.expected === 'refuse';
  const rank = (c: Case) => {
    if (c.decl.endsAllSessions) return 5;
    if (c.method === 'GET') return refused(c) ? 0 : 1;
    if (refused(c)) return 2;
    return c.method === 'DELETE' ? 4 : 3;
  };
  return [...cases].sort((x, y) => rank(x) - rank(y));
}

/** Consecutive cases with the same key of `by`, in order. */
export function batches<T>(items: T[], by: (item: T) => string): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && by(last[0]!) === by(item)) last.push(item);
    else out.push([item]);
  }
  return out;
}
