import { Typography } from 'antd';
import { Link } from 'react-router';
import { taskRef } from '../ledger/TaskTags';
import { taskHref } from './format';

/** A task as the figures name it: 附件1 (9) and its standard, opening the task's page. */
export function TaskLink({ t }: { t: { taskId: number; annexNo: number; seq: string; standard: string } }) {
  return (
    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t.standard }} style={{ marginBottom: 0 }}>
      <Link to={taskHref(t.taskId)}>{taskRef(t)}</Link> {t.standard}
    </Typography.Paragraph>
  );
}
