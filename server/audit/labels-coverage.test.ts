import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, ENTITY_LABELS } from '../../core/audit/labels';
import { TRANSITIONS } from '../../core/reporting/states';

/**
 * Every action code the server writes into the audit log has a Chinese label: the auditor's page
 * shows labels only. The codes are read from the source, so a new `appendAudit(... action: 'x.y')`
 * without a label in core/audit/labels.ts fails here, not on an auditor's screen.
 */
const SERVER = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'test' || d.name === 'fuzz' ? [] : sourceFiles(p);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Codes built from a template: each expands from the rule table that feeds it. */
const TEMPLATES: Record<string, readonly string[]> = {
  'report.${transition}': Object.keys(TRANSITIONS).map((t) => `report.${t}`),
  'coordination.${action.kind}': ['coordination.assign', 'coordination.close'],
  "adjustment.${decision === 'approved' ? 'approve' : 'reject'}": ['adjustment.approve', 'adjustment.reject'],
  'period.${action}': ['period.open', 'period.close'],
};

const CODE = /^[a-z_]+(\.[a-z_]+)+$/;
const quoted = (text: string) => [...text.matchAll(/'([^'\n]*)'/g)].map((m) => m[1]!).filter((s) => CODE.test(s));

type Found = { codes: Set<string>; unknownTemplates: string[]; files: number };

function scan(): Found {
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  let files = 0;
  for (const file of sourceFiles(SERVER)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('appendAudit(')) continue;
    files += 1;
    const where = path.relative(SERVER, file);
    // 1. `action: <expression>` up to the end of the property (a literal, a ternary of literals, a type union).
    for (const m of text.matchAll(/\baction: ([^\n,}]*(?:\?[^\n,}]*)?)/g)) for (const c of quoted(m[1]!)) codes.add(c);
    // 2. A code handed to a helper that writes it (changePeriod(ctx, actor, period, 'period.extend', …)).
    for (const m of text.matchAll(/changePeriod\([^)]*?'([a-z_]+(?:\.[a-z_]+)+)'/g)) codes.add(m[1]!);
    // 3. Template codes: `report.${transition}` must be listed above with its expansions.
    //    Only where a code is written (`action: …` or changePeriod's argument): other templates such as
    //    an error's field path (`tasks.${i}.${field}`) are not audit codes.
    for (const m of text.matchAll(/(?:\baction: |changePeriod\([^)]*?)`([a-z_]+\.\$\{[^`]*\})`/g)) {
      const expanded = TEMPLATES[m[1]!];
      if (expanded) expanded.forEach((c) => codes.add(c));
      else unknownTemplates.push(`${where}: \`${m[1]}\``);
    }
  }
  return { codes, unknownTemplates, files };
}

describe('audit labels', () => {
  const found = scan();

  it('finds the audit writers in the source (the scan itself works)', () => {
    expect(found.files).toBeGreaterThan(25);
    for (const c of ['progress.save', 'auth.sign_in', 'auth.locked', 'auth.sign_out_everywhere', 'report.accept', 'period.extend', 'user.totp_reset']) {
      expect(found.codes, c).toContain(c);
    }
  });

  it('every action code the server writes has a Chinese label', () => {
    const missing = [...found.codes].filter((c) => !ACTION_LABELS[c]).sort();
    expect(missing, 'add these to ACTION_LABELS in core/audit/labels.ts').toEqual([]);
  });

  it('every code built from a template is known here, with its expansions', () => {
    expect(found.unknownTemplates, 'add the template and what it expands to in TEMPLATES above').toEqual([]);
  });

  it('every object type the server writes has a Chinese label', () => {
    const entities = new Set<string>();
    for (const file of sourceFiles(SERVER)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bentity: '([a-z_]+)'/g)) entities.add(m[1]!);
    }
    expect(entities.size).toBeGreaterThan(15);
    expect([...entities].filter((e) => !ENTITY_LABELS[e]).sort()).toEqual([]);
  });

  it('labels are Chinese words, never the code again', () => {
    for (const [code, label] of Object.entries(ACTION_LABELS)) {
      expect(label, code).toMatch(/[\u4e00-\u9fff]/);
      expect(label, code).not.toMatch(/[a-z]+\.[a-z_]+/);
    }
  });
});
