import type { Standing } from '../../../core/reporting/standing';

/**
 * What the office's return will and will not change, in the words the return dialog shows. The
 * figures (first arrival, on time or N days late, the deadline in force) come from the report's
 * standing as the server sent it (core/reporting/standing.ts); nothing here decides them.
 */
const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export type Consequences = { title: string; lines: string[] };

type Input = Pick<Standing, 'reachedOn' | 'timelinessLabel' | 'deadline'>;

export function returnConsequences(standing: Input, today: string, invalid: boolean): Consequences {
  const reached = standing.reachedOn ? md(standing.reachedOn) : null;
  const deadline = md(standing.deadline.effective);
  const pastDeadline = today > standing.deadline.effective;
  if (!invalid) {
    return {
      title: reached
        ? `退回后：本报告仍按首次报送日期（${reached}）计为${standing.timelinessLabel}，不计“未报送”，不影响报送考核。`
        : '退回后：本报告的报送时间不变，不计“未报送”。',
      lines: [
        '退回期间，本期报告内容暂不计入红黄绿灯、通报和汇总表，督查室和领导看到的进展仍为此前已报送的内容（此前没有的，相关事项暂为“未评价”）。',
        '单位按意见修改、经主要负责人审定后重新报送，督查室再次审核。',
      ],
    };
  }
  return {
    title: `认定为无效报送后：本报告不再计为已报送${reached ? `，原报送日期（${reached}）作废` : ''}。`,
    lines: [
      pastDeadline
        ? `截止日期（${deadline}）已过，本单位即显示为“逾期未报”，逾期天数从截止日期起算，其负责的事项按逾期未报亮红灯；重新报送后按送达督查室的日期计为逾期报送。`
        : `单位在截止日期（${deadline}）前重新报送的，仍计为按时报送；截止后才重新报送的，按送达督查室的日期计为逾期报送。`,
      '此认定影响报送考核和通报，请仅用于空白报告、报错期次等不能作为报告的情形。',
    ],
  };
}
