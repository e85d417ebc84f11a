import type { IndicatorCorrection } from '../../core/api/task-indicators';
import { indicatorFieldErrors, targetWording } from '../../core/notice/indicator-fields';
import type { Indicator, ParsedTask } from '../../core/notice/types';
import { AppError } from '../errors/app-error';

const FIELD_NAMES = { name: '名称', unit: '计量单位', target: '目标值', qualifier: '限定词' } as const;

const wording = (i: Indicator) =>
  `${i.name} ${targetWording({ target: i.value, unit: i.unit, qualifier: i.qualifier })}`;

/**
 * The office's names, units and targets for a task's indicators in the import preview: one per
 * indicator the parser read (from the corrected standard when that was corrected too), in order, so
 * each keeps the printed span it came from. Each changed indicator is recorded as a repair (what the
 * parser had, what the office wrote). A list of another length, or a value the task page would
 * refuse, is refused with the task's key and the indicator's place.
 */
export function correctIndicators(key: string, task: ParsedTask, corrected: IndicatorCorrection[]): void {
  if (corrected.length !== task.indicators.length) {
    throw new AppError('VALIDATION_FAILED', {
      zh: `事项 ${key} 的指标更正有 ${corrected.length} 项，而该事项识别出 ${task.indicators.length} 项指标；请重新打开该事项的更正窗口核对指标后再导入`,
      en: `task ${key}: ${corrected.length} indicator corrections for ${task.indicators.length} indicators`,
    });
  }
  const next = task.indicators.map((parsed, n): Indicator => {
    const c = corrected[n]!;
    const values = {
      name: c.name.trim(),
      unit: c.unit.trim(),
      target: c.value,
      qualifier: c.qualifier?.trim() || null,
    };
    const errors = Object.entries(indicatorFieldErrors(values));
    if (errors.length > 0) {
      const why = errors
        .map(([field, reason]) => `${FIELD_NAMES[field as keyof typeof FIELD_NAMES]}：${reason}`)
        .join('；');
      throw new AppError('VALIDATION_FAILED', {
        zh: `事项 ${key} 的第 ${n + 1} 项指标（${parsed.name}）不能导入——${why}`,
        en: `task ${key}, indicator ${n + 1}: ${errors.map(([f]) => f).join(', ')}`,
      });
    }
    return {
      name: values.name,
      value: values.target,
      unit: values.unit,
      qualifier: values.qualifier,
      text: parsed.text,
    };
  });
  for (const [n, after] of next.entries()) {
    const before = task.indicators[n]!;
    if (wording(before) === wording(after)) continue;
    task.repairs.push({
      field: 'indicators',
      raw: wording(before),
      result: wording(after),
      rule: 'corrected by the office in the import preview',
      uncertain: false,
      line: task.line,
    });
  }
  task.indicators = next;
}
