import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../test/app';
import { ALL_ROLES, buildWorld, MARKER, type World } from './test-world';

/**
 * Isolation between organisations, generated from the app's route table: every GET route with
 * an :id, asked with the ids of district 甲区's records, by every role of its sibling 乙区 and by
 * the city above them. Nothing of 甲区 may come back: 403 or 404, or a 200 that carries none of
 * 甲区's marked text. The city reads only the items it handed down, through roll-up.
 */
describe('isolation at the API, for every GET route', () => {
  let w: World;
  let idsFor: (url: string) => number[];
  let ofA: (url: string) => number[];
  beforeAll(async () => {
    w = await buildWorld();
    // The city hands an item down to both districts, so roll-up has handed_down links as well.
    const res = await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.places}/handdowns`, {
      targets: [
        { orgId: w.orgs.a.id, standard: '新增学位300个。', deadline: '9月' },
        { orgId: w.orgs.b.id, standard: null, deadline: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const db = w.ctx.db;
    const of = async (table: 'tasks' | 'notices' | 'periods' | 'unit_reports' | 'units' | 'evidence_files' | 'bulletins' | 'coordination_requests' | 'assessment_runs') =>
      (await db.selectFrom(table).select('id').where('org_id', '=', w.orgs.a.id).execute()).map((r) => r.id);
    const a = {
      tasks: await of('tasks'),
      notices: await of('notices'),
      periods: await of('periods'),
      reports: await of('unit_reports'),
      units: await of('units'),
      evidence: await of('evidence_files'),
      bulletins: await of('bulletins'),
      coordination: await of('coordination_requests'),
      runs: await of('assessment_runs'),
    };
    expect(a.evidence.length).toBe(1);
    expect(a.reports.length).toBe(1);
    // Each :id route gets the ids of 甲区's records of its kind, and the low ids besides (甲区's data came first).
    const byPrefix: [RegExp, number[]][] = [
      [/^\/api\/(rollup\/)?(lower-)?tasks\//, a.tasks],
      [/^\/api\/notices\//, a.notices],
      [/^\/api\/periods\//, a.periods],
      [/^\/api\/reports\//, a.reports],
      [/^\/api\/units\//, a.units],
      [/^\/api\/evidence\//, a.evidence],
      [/^\/api\/bulletins\//, a.bulletins],
      [/^\/api\/coordination\//, a.coordination],
      [/^\/api\/assessment\/runs\//, a.runs],
    ];
    ofA = (url) => byPrefix.find(([re]) => re.test(url))?.[1] ?? [];
    idsFor = (url) => [...new Set([...ofA(url), 1, 2, 3])];
  });
  afterAll(() => w.t.close());

  const getRoutes = () => w.t.app.routeTable.filter((r) => r.method === 'GET' && r.access !== 'public');
  const leaks = (res: LightMyRequestResponse) => {
    const text = `${JSON.stringify(res.headers)}\n${res.body}`;
    return text.includes(MARKER) || text.includes(encodeURIComponent(MARKER));
  };

  /** Requests every GET route (each :id with every candidate id) as the client; returns what was answered. */
  async function sweep(client: Client) {
    const answers: { url: string; route: string; status: number; leaked: boolean; ofA: boolean }[] = [];
    for (const route of getRoutes()) {
      const ids = route.url.includes(':id') ? idsFor(route.url) : [0];
      for (const id of ids) {
        const url = route.url.replace(':id', String(id));
        const res = await client.request('GET', url);
        answers.push({ url, route: route.url, status: res.statusCode, leaked: leaks(res), ofA: ofA(route.url).includes(id) });
      }
    }
    return answers;
  }

  it('covers every GET route of the app, including the roll-up routes', () => {
    const urls = getRoutes().map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(['/api/tasks/:id', '/api/reports/:id', '/api/evidence/:id', '/api/rollup', '/api/rollup/lower-tasks/:id', '/api/rollup/tasks/:id']));
    expect(urls.length).toBeGreaterThan(40);
  });

  for (const role of ALL_ROLES) {
    it(`gives the sibling district's ${role} nothing of 甲区 on any GET route`, async () => {
      const answers = await sweep(w.users[`b:${role}`]!);
      expect(answers.filter((x) => x.leaked)).toEqual([]);
      expect(answers.filter((x) => x.status >= 500)).toEqual([]);
      // Records of 甲区 by id: refused or not found, never served.
      const served = answers.filter((x) => x.ofA && x.status === 200);
      expect(served).toEqual([]);
      expect(answers.filter((x) => x.ofA).length).toBeGreaterThan(30);
    });
  }

  it("gives the city what it handed down (roll-up and drill-down), and nothing else of 甲区's", async () => {
    const answers = await sweep(w.users.cityOffice);
    // Only the read-only drill-down into the linked task shows 甲区's words (its report).
    expect(answers.filter((x) => x.leaked).map((x) => x.url)).toEqual([`/api/rollup/lower-tasks/${w.ids.a.piles}`]);
    expect(answers.filter((x) => x.status >= 500)).toEqual([]);
    const handed = (await w.ctx.db.selectFrom('handdowns').select('lower_task_id').where('lower_org_id', '=', w.orgs.a.id).where('origin', '=', 'handed_down').executeTakeFirstOrThrow()).lower_task_id;
    const linked = [w.ids.a.piles, handed];
    // 甲区's records by id: served only by the drill-down, and only the two tasks linked to the city's items.
    const served = answers.filter((x) => x.ofA && x.status === 200).map((x) => x.url);
    expect(served.sort()).toEqual(linked.map((id) => `/api/rollup/lower-tasks/${id}`).sort());
    const refusedDrill = answers.filter((x) => x.ofA && x.route === '/api/rollup/lower-tasks/:id' && x.status !== 200);
    expect(refusedDrill.every((x) => x.status === 403)).toBe(true);
    expect(refusedDrill.length).toBe(idsFor('/api/tasks/:id').filter((id) => ofA('/api/tasks/:id').includes(id)).length - 2);
    // The roll-up itself lists both districts on the handed-down items, without their narratives.
    const rollup = (await w.users.cityOffice.request('GET', '/api/rollup')).json();
    const orgsSeen = new Set(rollup.items.flatMap((i: { lower: { org: { name: string } }[] }) => i.lower.map((l) => l.org.name)));
    expect([...orgsSeen].sort()).toEqual(['乙区', '甲区']);
  });

  it("keeps 甲区's own users out of the city's ledger and out of 乙区's", async () => {
    const a = w.users.aOffice;
    expect((await a.request('GET', `/api/tasks/${w.ids.city.piles}`)).statusCode).toBe(403);
    expect((await a.request('GET', `/api/rollup/tasks/${w.ids.city.piles}`)).statusCode).toBe(403);
    expect((await a.request('GET', `/api/rollup/lower-tasks/${w.ids.b.piles}`)).statusCode).toBe(403);
    expect((await a.request('GET', '/api/rollup')).statusCode).toBe(403);
  });
});
