import { Checkbox, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PROGRESS_STATUS_LABELS } from '../../../core/reporting/states';
import { taskRef } from '../ledger/TaskTags';
import type { HighlightCandidate } from './api';
import { officeReportHref } from './format';

interface Props {
  candidates: HighlightCandidate[];
  /** Form.Item passes the picked report entries (progress ids) in and takes them out. */
  value?: number[];
  onChange?: (ids: number[]) => void;
}

/** The report entries the office may cite as 工作亮点: unit, task, status and what the unit wrote. */
export function HighlightList({ candidates, value = [], onChange }: Props) {
  if (candidates.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="本期暂无可选的亮点（单位报告中有文字说明的事项方可选用）"
      />
    );
  }
  const toggle = (id: number, on: boolean) => onChange?.(on ? [...value, id] : value.filter((x) => x !== id));
  return (
    <div className="bulletin-highlights" data-testid="highlights">
      {candidates.map((h) => {
        const id = h.progressId;
        if (id === null) return null;
        return (
          <div key={id} className="bulletin-highlight">
            <Checkbox
              checked={value.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
              aria-label={`亮点：${h.unitName ?? ''} ${taskRef(h)}`}
            >
              <Space size={4} wrap>
                <Typography.Text strong>{h.unitName}</Typography.Text>
                <Link to={`/tasks/${h.taskId}`} onClick={(e) => e.stopPropagation()}>
                  {taskRef(h)}
                </Link>
                <Tag color={h.status === 'completed' ? 'processing' : 'success'}>
                  {PROGRESS_STATUS_LABELS[h.status]}
                </Tag>
                {h.exceeded && <Tag color="magenta">超额</Tag>}
                {h.reportId !== null && (
                  <Link
                    to={officeReportHref(h.reportId)}
                    onClick={(e) => e.stopPropagation()}
                    className="bulletin-highlight-report"
                  >
                    查看报告
                  </Link>
                )}
              </Space>
            </Checkbox>
            <Typography.Paragraph
              className="bulletin-highlight-text"
              ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
            >
              {h.narrative}
            </Typography.Paragraph>
          </div>
        );
      })}
    </div>
  );
}
