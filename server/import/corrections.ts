import { extractIndicators, taskDue, type ParsedNotice } from '../../core/notice';
import type { TaskCorrection } from '../../core/api/notices';
import { AppError } from '../errors/app-error';
import { taskKeys } from '../../core/notice/task-key';
import { correctIndicators } from './corrections-indicators';

/**
 * Applies the office's corrections from the preview to a freshly parsed notice. Each corrected
 * field is recorded as a repair ("corrected by the office", with what the parser had), and the
 * task is no longer flagged for confirmation. New names join the directories so the import
 * creates them like any other unit or leader.
 */
export function applyCorrections(parsed: ParsedNotice, corrections: TaskCorrection[]): ParsedNotice {
  if (corrections.length === 0) return parsed;
  const byKey = new Map(corrections.map((c) => [c.key, c]));
  const found = new Set<string>();
  for (const annex of parsed.annexes) {
    for (const [key, task] of taskKeys(annex.no, annex.tasks)) {
      const c = byKey.get(key);
      if (!c) continue;
      found.add(key);
      const record = (field: 'leaders' | 'units' | 'standard', before: string | string[], after: string | string[]) =>
        task.repairs.push({ field, raw: JSON.stringify(before), result: after, rule: 'corrected by the office in the import preview', uncertain: false, line: task.line });
      if (c.leaders) {
        record('leaders', task.leaders, c.leaders);
        task.leaders = c.leaders;
      }
      if (c.units) {
        record('units', task.units, c.units);
        task.units = c.units;
        task.unitRefs = c.units.map((name, i) => ({ name, printed: name, note: null, role: i === 0 ? 'lead' : 'co' }));
        for (const name of c.units) {
          if (!parsed.directories.units.some((e) => e.name === name || e.aliases.includes(name))) {
            parsed.directories.units.push({ name, aliases: [], confirmed: true });
          }
        }
      }
      if (c.standard !== undefined) {
        record('standard', task.standard, c.standard);
        task.standard = c.standard;
        task.indicators = extractIndicators(c.standard);
      }
      // After the standard: the office names the indicators read from the text it will import.
      if (c.indicators !== undefined) correctIndicators(key, task, c.indicators);
      if (c.deadline !== undefined) {
        task.deadline = c.deadline;
        Object.assign(task, taskDue(c.deadline, parsed.document.year, annex.kind));
      }
      task.uncertain = false;
    }
  }
  const unknown = corrections.map((c) => c.key).filter((k) => !found.has(k));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', { zh: `更正的任务不存在：${unknown.join('、')}`, en: `no such task: ${unknown.join(', ')}` });
  }
  return parsed;
}
