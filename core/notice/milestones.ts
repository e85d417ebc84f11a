// Milestones (时间节点): dated steps printed in a task or on its 时间节点 line —
// 「6月底前完成立项；9月底前开工；12月底前完工」 — kept in order as printed (RawTask.milestones);
// parse.ts dates each one through milestoneDate() and due-date.ts.
//
// Decisions:
// - Steps are clauses (split on ，；。) that START with a date (「6月底前」「2025年3月」「三季度末」
//   「年底前」); it takes two or more to be a list of steps — one date in a sentence is not a plan.
// - The task text keeps the steps as printed (they are part of the task); milestones are a reading
//   of them, not a cut.
// - Where the notice prints no 完成时限, the task's deadline is the last step's date words
//   (「12月底前」 of 「12月底前完工」): the work is done when its last step is. That is what was
//   printed, so it is not reported as an anomaly; a printed 完成时限 always wins.

import type { RawTask } from './table';

const STEP_DATE =
  /^(?:力争|确保|于|在|到)?((?:20\d{2}年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?(?:底|末|中旬|上旬|下旬)?|年底|年内|年末|上半年|下半年|第?[一二三四1-4]季度(?:末|底)?)(?:前|之前|以前)?|20\d{2}年(?:底|末|内)(?:前|之前|以前)?)/u;

/** The date words a step starts with (「6月底前」 of 「6月底前完成立项」); the step itself when it starts with none. */
export function milestoneDate(step: string): string {
  return STEP_DATE.exec(step.trim())?.[1] ?? step;
}

function startsWithDate(step: string): boolean {
  return STEP_DATE.test(step.trim());
}

/** The dated steps of a text, in order, when it prints two or more; null otherwise. */
export function readMilestones(text: string): string[] | null {
  if (text.length > 2000) return null;
  const steps = text
    .split(/[，,；;。\n]/u)
    .map((s) => s.trim().replace(/^[:：]\s*/u, ''))
    .filter((s) => s !== '' && startsWithDate(s));
  return steps.length >= 2 ? steps : null;
}

/**
 * Fills a task's milestones from its deadline field (a 时间节点 line) or else its text, and its
 * deadline from the last step when none was printed. `deadlines` are the printed deadline values.
 */
export function withMilestones(task: RawTask, deadlines: string[]): RawTask {
  const plain: string[] = [];
  let steps: string[] | null = null;
  for (const d of deadlines) {
    const m = readMilestones(d);
    if (m && steps === null) steps = m;
    else plain.push(d);
  }
  steps ??= readMilestones(task.standard);
  if (steps) task.milestones = steps;
  const last = steps?.[steps.length - 1];
  if (plain.length > 0) task.deadline = plain.join(' ');
  else if (last !== undefined) task.deadline = milestoneDate(last);
  return task;
}
