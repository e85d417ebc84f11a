// The corpus's view of a parsed notice: every field a person checks, in a stable shape that an
// expected file (fixtures/corpus/*.expected.json) spells out in full. Used by corpus.test.ts and by
// `duban parse --check` (the same comparison from the command line).

import type { ParsedNotice, ParsedTask } from './types';

export interface CorpusTask {
  seq: string;
  category: string | null;
  section: string | null;
  standard: string;
  leaders: string[];
  lead: string[];
  co: string[];
  deadline: string | null;
  dueDate: string | null;
  milestones: { text: string; dueDate: string | null }[];
  notes: string[];
}

export interface CorpusNotice {
  document: { docNumber: string | null; title: string | null; issuer: string | null; issuedDate: string | null; year: number | null };
  annexes: { no: number; layout: string; tasks: CorpusTask[] }[];
}

function corpusTask(t: ParsedTask): CorpusTask {
  return {
    seq: t.seq,
    category: t.category?.name ?? null,
    section: t.section,
    standard: t.standard,
    leaders: t.leaders,
    lead: t.unitRefs.filter((u) => u.role === 'lead').map((u) => u.name),
    co: t.unitRefs.filter((u) => u.role === 'co').map((u) => u.name),
    deadline: t.deadline,
    dueDate: t.dueDate,
    milestones: t.milestones ?? [],
    notes: t.notes ?? [],
  };
}

export function corpusView(n: ParsedNotice): CorpusNotice {
  const { docNumber, title, issuer, issuedDate, year } = n.document;
  return {
    document: { docNumber, title, issuer, issuedDate, year },
    annexes: n.annexes.map((a) => ({ no: a.no, layout: a.layout, tasks: a.tasks.map(corpusTask) })),
  };
}

/** Every field that differs, as "annex 1 task 3 (2.) lead: expected [...] got [...]". */
export function corpusDifferences(expected: CorpusNotice, actual: CorpusNotice): string[] {
  const out: string[] = [];
  const show = (v: unknown) => JSON.stringify(v);
  for (const k of Object.keys(expected.document) as (keyof CorpusNotice['document'])[]) {
    if (show(expected.document[k]) !== show(actual.document[k])) out.push(`document ${k}: expected ${show(expected.document[k])} got ${show(actual.document[k])}`);
  }
  if (expected.annexes.length !== actual.annexes.length) out.push(`annexes: expected ${expected.annexes.length} got ${actual.annexes.length}`);
  expected.annexes.forEach((ea, i) => {
    const aa = actual.annexes[i];
    if (!aa) return;
    if (ea.no !== aa.no) out.push(`annex ${i + 1} no: expected ${ea.no} got ${aa.no}`);
    if (ea.layout !== aa.layout) out.push(`annex ${ea.no} layout: expected ${ea.layout} got ${aa.layout}`);
    if (ea.tasks.length !== aa.tasks.length) out.push(`annex ${ea.no} tasks: expected ${ea.tasks.length} got ${aa.tasks.length}`);
    ea.tasks.forEach((et, j) => {
      const at = aa.tasks[j];
      if (!at) return;
      for (const k of Object.keys(et) as (keyof CorpusTask)[]) {
        if (show(et[k]) !== show(at[k])) out.push(`annex ${ea.no} task ${j + 1} (${et.seq}) ${k}: expected ${show(et[k])} got ${show(at[k])}`);
      }
    });
  });
  return out;
}

/**
 * The seed's reviewed golden ledger shape (fixtures/seed-ledger.golden.json; the shape `duban parse
 * --json` promised in issue 3), without the parser's working fields. Read by seed-golden.test.ts and
 * by the PDF/OFD readers' scoring (server/import/readers/golden-fields.ts).
 */
export function goldenView(n: ParsedNotice) {
  return {
    document: {
      docNumber: n.document.docNumber,
      title: n.document.title,
      issuer: n.document.issuer,
      issuedDate: n.document.issuedDate,
      reportingDeadlines: n.document.reportingDeadlines,
      reportTo: n.document.reportTo,
    },
    annexes: n.annexes.map((a) => ({
      no: a.no,
      title: a.title,
      kind: a.kind,
      tasks: a.tasks.map((t) => ({
        seq: t.seq,
        category: t.category,
        upstreamNo: t.upstreamNo,
        upstreamItem: t.upstreamItem,
        standard: t.standard,
        deadline: t.deadline,
        leaders: t.leaders,
        units: t.units,
        unitsPrinted: t.unitsPrinted,
        indicators: t.indicators.map(({ name, value, unit, qualifier }) => ({ name, value, unit, qualifier })),
        links: t.links.map(({ annexNo, seq }) => ({ annexNo, seq })),
        uncertain: t.uncertain,
      })),
    })),
  };
}
