import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../api/client';
import { usePeriodAction, usePeriodSchedule } from './api';
import { md, periodsDueUnopened } from './periodDays';

/**
 * The office home's warning: a period due within 14 days (or already past its deadline) that is
 * not open, so no unit can report and no reminder goes out — with the button that opens it.
 */
export function PeriodsDueBanner() {
  const { query } = usePeriodSchedule();
  const action = usePeriodAction();
  const { message } = App.useApp();
  const data = query.data;
  if (!data) return null;
  const due = periodsDueUnopened(data.periods, data.today);
  if (due.length === 0) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%', marginBottom: 16 }}>
      {due.map((p) => {
        const past = p.effectiveDeadline < data.today;
        return (
          <Alert
            key={p.id}
            type="warning"
            showIcon
            data-testid="period-due-banner"
            message={`${p.label}${past ? '已于' : '将于'}${md(p.effectiveDeadline)}截止，尚未开启填报`}
            description={
              <>
                <div>
                  未开启前，各单位不能填报，系统也不会发出报送提醒。
                  <Link to="/office/periods">查看报送期管理</Link>
                </div>
                <Popconfirm
                  title={`开启“${p.label}”填报？`}
                  description="开启后各责任单位即可填报本期完成情况。"
                  okText="开启"
                  cancelText="取消"
                  onConfirm={() =>
                    action.mutate(
                      { id: p.id, action: 'open' },
                      {
                        onSuccess: () => void message.success(`${p.label}已开启填报`),
                        onError: (err) => void message.error(errorMessage(err)),
                      },
                    )
                  }
                >
                  {/* Under the words, not beside them: on a phone the line keeps its width. */}
                  <Button type="primary" size="small" loading={action.isPending} style={{ marginTop: 8 }}>
                    开启填报
                  </Button>
                </Popconfirm>
              </>
            }
          />
        );
      })}
    </Space>
  );
}
