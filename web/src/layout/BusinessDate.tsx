import { Tooltip } from 'antd';
import type { Me } from '../api/types';

/**
 * The date the work is on, shown only when it is not the real date (the demo, or DUBAN_TODAY):
 * deadlines, lateness, reminders and every business record read on it; security records do not.
 */
export function BusinessDate({ clock }: { clock: Me['businessClock'] }) {
  const [y, m, d] = clock.today.split('-').map(Number);
  return (
    <Tooltip title="截止日期、逾期、提醒以及导入、审核、协调、通知等业务记录的时间均按业务日期计算；审计日志等安全记录使用服务器的实际时间（系统时间）。">
      <span className="app-business-date" data-testid="business-date">
        业务日期：{y}年{m}月{d}日{clock.demo ? '（演示）' : ''}
      </span>
    </Tooltip>
  );
}
