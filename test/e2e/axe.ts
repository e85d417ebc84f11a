import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { animationsSettled } from './animations';

// axe-core in the page under test, for the e2e tests' accessibility checks (WCAG 2.1 AA, serious
// and critical findings are bugs).
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
};

/** The serious and critical WCAG 2.1 AA violations inside `selector`, once it is on the page. */
export async function axeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  await page.locator(selector).first().waitFor();
  // A dialog still fading in blends its text with the page behind (seen: 3.78:1 on #f2f2f2 in CI),
  // and a row's 删除 fading in as the ledger's data arrives read 2.82:1: measure the settled page, as
  // a person reads it — after the data has come (the network quiet, or 3 s for pages that poll) and
  // every animation with an end has finished.
  await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
  await animationsSettled(page);
  await page.waitForTimeout(100);
  await animationsSettled(page);
  // Injected through the DevTools protocol: the app's CSP forbids inline scripts, rightly.
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    (sel) =>
      (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe.run(
        { include: [[sel]] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
      ),
    selector,
  )) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Each violation in one line a person can act on: rule, impact, help, the first elements and why. */
export const describeViolations = (vs: AxeViolation[]) =>
  vs.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.html.slice(0, 120)} [${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 160)}]`)
        .join('; ')}`,
  );

/** The serious and critical violations inside `selector`, described (empty when the page passes). */
export async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  return describeViolations(await axeViolations(page, selector));
}
