import { describe, expect, it } from 'vitest';
import { autosaveGrouper, groupAutosaves, type GroupableEntry } from './autosave-groups';

let seq = 1000;
const base = Date.parse('2024-07-01T02:00:00.000Z');
/** An entry `min` minutes after base; built oldest first, then read newest first like the log. */
const entry = (min: number, over: Partial<GroupableEntry> = {}): GroupableEntry => ({
  seq: seq++,
  at: new Date(base + min * 60_000).toISOString(),
  actor_user_id: 7,
  actor_name: '孙浩',
  action: 'progress.save',
  entity: 'task_progress',
  entity_id: '41',
  ...over,
});
const newestFirst = (es: GroupableEntry[]) => [...es].sort((a, b) => b.seq - a.seq);
const shape = (lines: { entries: GroupableEntry[] }[]) => lines.map((l) => l.entries.map((e) => e.seq));

describe('autosave groups', () => {
  it('joins one person’s saves of one item with pauses of at most 10 minutes, and keeps a longer pause apart', () => {
    const es = [entry(0), entry(1), entry(9), entry(18), /* 30-minute pause */ entry(48), entry(50)];
    const lines = groupAutosaves(newestFirst(es));
    expect(shape(lines)).toEqual([
      [es[5]!.seq, es[4]!.seq],
      [es[3]!.seq, es[2]!.seq, es[1]!.seq, es[0]!.seq],
    ]);
  });

  it('never joins saves of another item, another person, or other actions', () => {
    const es = [
      entry(0),
      entry(1, { entity_id: '42' }),
      entry(2, { actor_user_id: 8, actor_name: '郭婷' }),
      entry(3, { action: 'report.submit', entity: 'unit_report', entity_id: '9' }),
      entry(4),
    ];
    const lines = groupAutosaves(newestFirst(es));
    // The two saves of item 41 by 孙浩 are one line, placed at the newer one; the rest stand alone.
    expect(shape(lines)).toEqual([[es[4]!.seq, es[0]!.seq], [es[3]!.seq], [es[2]!.seq], [es[1]!.seq]]);
  });

  it('tells a system actor (no user id) apart by name, and two sign-ins are never grouped', () => {
    const es = [
      entry(0, { actor_user_id: null, actor_name: '经办人（演示数据）' }),
      entry(1, { actor_user_id: null, actor_name: '经办人（演示数据）' }),
      entry(2, { actor_user_id: null, actor_name: '另一人' }),
      entry(3, { action: 'auth.sign_in', entity: 'user', entity_id: '7' }),
      entry(4, { action: 'auth.sign_in', entity: 'user', entity_id: '7' }),
    ];
    expect(shape(groupAutosaves(newestFirst(es)))).toEqual([[es[4]!.seq], [es[3]!.seq], [es[2]!.seq], [es[1]!.seq, es[0]!.seq]]);
  });

  it('says whether an older entry would join a line (a full page still takes it)', () => {
    const g = autosaveGrouper();
    g.add(entry(30));
    expect(g.wouldJoin(entry(25))).toBe(true);
    expect(g.wouldJoin(entry(20))).toBe(true);
    expect(g.wouldJoin(entry(19))).toBe(false);
    expect(g.wouldJoin(entry(25, { entity_id: '42' }))).toBe(false);
    expect(g.wouldJoin(entry(25, { actor_user_id: 8 }))).toBe(false);
    // A sign-in is never a group: nothing joins it.
    const h = autosaveGrouper();
    h.add(entry(30, { action: 'auth.sign_in', entity: 'user' }));
    expect(h.wouldJoin(entry(29, { action: 'auth.sign_in', entity: 'user' }))).toBe(false);
  });
});
