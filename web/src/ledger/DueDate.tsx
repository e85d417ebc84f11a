import { Tooltip, Typography } from 'antd';
import { describeDue, type DueDateSource } from '../../../core/notice/due-date';

type Due = { deadline: string | null; dueDate: string | null; dueDateSource: DueDateSource | null };

/** The second line under the date in a narrow column: the printed words, or where the date came from. */
function shortNote(task: Due): string | null {
  if (task.dueDateSource === 'annual') return '当年任务';
  if (task.dueDateSource === 'office') return '督查室确定';
  if (task.dueDate && task.deadline && task.deadline !== task.dueDate) return task.deadline;
  return null;
}

/**
 * A task's deadline as the ledger shows it: the due date, with the printed 完成时限 under it, or
 * where the date came from when the notice printed none (附件1: 按当年任务，年底前完成). The full
 * explanation is in the tooltip.
 */
export function DueDate({ task }: { task: Due }) {
  const { date, note } = describeDue(task);
  const small = shortNote(task);
  const body = (
    <span data-testid="due-date">
      <span style={{ whiteSpace: 'nowrap' }}>{date}</span>
      {small && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {small}
        </Typography.Text>
      )}
    </span>
  );
  return note ? <Tooltip title={note}>{body}</Tooltip> : body;
}

/** The same in one line for a task's page: the date, then where it came from ("按当年任务，年底前完成…"). */
export function DueDateLine({ task }: { task: Due }) {
  const { date, note } = describeDue(task);
  return (
    <>
      {date}
      {note && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {note}
        </Typography.Text>
      )}
    </>
  );
}
