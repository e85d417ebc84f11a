import { App, Radio, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../api/client';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import type { TaskDetail } from './api';
import { CO_REPORTING_OPTIONS, useSetCoReporting, type CoReportingMode } from './co-reporting-api';

/**
 * 配合单位报送方式, under the task's 责任单位: the office chooses whether the co-operating units
 * report their part to the office themselves, or to the lead unit, whose entry carries it
 * (《整治形式主义为基层减负若干规定》: fewer reports from the units). Others read the choice.
 */
export function CoReportingControl({ task }: { task: TaskDetail['task'] }) {
  const { message } = App.useApp();
  const role = useSession().me?.role;
  const save = useSetCoReporting();
  const leadName = task.units.find((u) => u.role === 'lead')?.name ?? '牵头单位';
  if (!task.units.some((u) => u.role === 'co')) return null;
  const hint =
    task.coReporting === 'via_lead'
      ? `配合单位每期仍在本单位报告中填写配合部分，报${leadName}，由${leadName}汇总报送督查室；督查室不再单独统计配合单位本事项的报送。`
      : '各配合单位在本单位报告中单独报送本事项的配合情况。';
  if (!can(role, 'task.write')) {
    return (
      <div className="co-reporting" data-testid="co-reporting">
        <Tag color={task.coReporting === 'via_lead' ? 'blue' : 'default'}>{task.coReporting === 'via_lead' ? '配合单位报牵头单位' : '配合单位单独报送'}</Tag>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </div>
    );
  }
  const change = (value: CoReportingMode) =>
    save.mutate(
      { id: task.id, version: task.version, coReporting: value },
      {
        onSuccess: () => void message.success(value === 'via_lead' ? `已设为配合单位报牵头单位（${leadName}）` : '已设为配合单位单独报送督查室'),
        onError: (err) => void message.error(errorMessage(err)),
      },
    );
  return (
    <Space direction="vertical" size={4} className="co-reporting" data-testid="co-reporting">
      <Space size={8} wrap>
        <Typography.Text id={`co-reporting-${task.id}`}>配合单位报送方式</Typography.Text>
        <Radio.Group
          aria-labelledby={`co-reporting-${task.id}`}
          optionType="button"
          buttonStyle="solid"
          size="small"
          value={task.coReporting}
          disabled={save.isPending || task.closure !== null}
          options={CO_REPORTING_OPTIONS}
          onChange={(e) => change(e.target.value as CoReportingMode)}
        />
      </Space>
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Space>
  );
}
