import { CheckOutlined } from '@ant-design/icons';
import { Badge, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TaskClosure, TaskRow } from './api';

/** 责任单位: the lead unit (牵头) in the lead colour first, the co-operating units (配合) after it. */
export function UnitRoleTags({ units, vertical = false }: { units: TaskRow['units']; vertical?: boolean }) {
  if (units.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap direction={vertical ? 'vertical' : 'horizontal'}>
      {units.map((u) => (
        <Tooltip key={u.id} title={u.role === 'lead' ? '牵头单位' : '配合单位'}>
          <Tag color={u.role === 'lead' ? 'red' : undefined} data-role={u.role}>
            {u.role === 'lead' ? '牵头 ' : ''}
            {u.name}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

export function LeaderNames({ leaders }: { leaders: TaskRow['leaders'] }) {
  if (leaders.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return <>{leaders.map((l) => l.name).join('、')}</>;
}

/**
 * How the notice and every clerk refer to a task: 附件1 (12) where the notice prints "(12)", and
 * 附件3 第8项 where it prints a bare number (annexes 2–5), which would read oddly as "附件3 8".
 */
export const taskRef = (t: { annex: { no: number }; seq: string } | { annexNo: number; seq: string }) => {
  const annex = 'annex' in t ? t.annex.no : t.annexNo;
  return /^\d+$/.test(t.seq) ? `附件${annex} 第${t.seq}项` : `附件${annex} ${t.seq}`;
};

/** A tab's label with how many records it holds (nothing shown for none). */
export function countLabel(label: string, n: number) {
  return (
    <span>
      {label}
      {n > 0 && <Badge count={n} color="#595959" style={{ marginInlineStart: 6 }} />}
    </span>
  );
}

/** What a closure means, in one sentence: who closed it when, on which report, and the office's 说明. */
export function closureText(c: TaskClosure): string {
  const by = c.closedByName ? `由${c.closedByName}` : '';
  const note = c.note ? `说明：${c.note}` : '';
  return `${dayjs(c.closedOn).format('YYYY年M月D日')}${by}销号（依据${c.periodLabel}报告：已完成，经督查室审核通过）。以后各期不再报送本事项。${note}`;
}

/** 已销号 with its date: the office closed the task as completed; the tooltip says on what. */
export function ClosedTag({ closure, short = false }: { closure: TaskClosure; short?: boolean }) {
  return (
    <Tooltip title={closureText(closure)}>
      <Tag color="geekblue" icon={<CheckOutlined />} data-testid="closed-tag" style={{ marginInlineEnd: 0 }}>
        已销号{short ? '' : `（${dayjs(closure.closedOn).format('M月D日')}）`}
      </Tag>
    </Tooltip>
  );
}
