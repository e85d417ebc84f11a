import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { coRemindResult } from '../../../core/api/co-reporting';
import { errorMessage, request } from '../api/client';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import type { ReportItem } from './api';

/**
 * 报牵头单位 on a report item (issue 15). The office set the task's co-operating units to feed the
 * lead unit: a co-unit's item says its part goes to the lead unit, not to the office; the lead
 * unit's item says which co-units have written their part this period and reminds the others
 * (in-app). Nothing for a task whose co-units report separately.
 */
export function CoReportingNote({ reportId, item }: { reportId: number; item: ReportItem }) {
  const co = item.coReporting;
  if (co.mode !== 'via_lead') return null;
  if (item.unitRole === 'co') {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid={`co-via-lead-${item.taskId}`}
        message={
          <Space size={8} wrap>
            <Tag color="blue">报牵头单位</Tag>
            <span>本项配合部分报送牵头单位{co.leadUnitName ? `「${co.leadUnitName}」` : ''}，不单独报送督查室</span>
          </Space>
        }
        description="请照常填写推进状态和进展情况；牵头单位可随时看到本单位填写的内容，并汇总到其报告中报送督查室。"
      />
    );
  }
  return <LeadNote reportId={reportId} item={item} />;
}

function LeadNote({ reportId, item }: { reportId: number; item: ReportItem }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const role = useSession().me?.role;
  const units = item.coReporting.coUnits;
  const missing = units.filter((u) => !u.written);
  const remind = useMutation({
    mutationFn: () => request<z.infer<typeof coRemindResult>>('POST', `/api/reports/${reportId}/tasks/${item.taskId}/co-remind`, {}),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['reports'] });
      void message.success(r.reminded.length ? `已提醒：${r.reminded.map((u) => u.unitName).join('、')}` : '配合单位均已填写，无需提醒');
    },
    onError: (err) => void message.error(errorMessage(err)),
  });
  if (units.length === 0) return null;
  return (
    <Alert
      type={missing.length ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={`co-lead-${item.taskId}`}
      message={
        <Space size={8} wrap>
          <span>配合单位报牵头单位：本单位报告汇总各配合单位的配合部分报送督查室</span>
          <Typography.Text type="secondary">（已填写 {units.length - missing.length}/{units.length}）</Typography.Text>
        </Space>
      }
      description={
        <Space size={[8, 8]} wrap>
          {units.map((u) => (
            <Tag key={u.unitId} color={u.written ? 'green' : 'gold'}>
              {u.unitName}：{u.written ? '已填写' : '未填写'}
            </Tag>
          ))}
          {missing.length > 0 && can(role, 'report.coRemind') && (
            <Button size="small" icon={<BellOutlined />} loading={remind.isPending} onClick={() => remind.mutate()}>
              提醒未填写的配合单位
            </Button>
          )}
        </Space>
      }
    />
  );
}

/** In an item's title (also when the item is folded): a co-unit's part of a 报牵头单位 task goes to the lead unit. */
export function CoReportingTag({ item }: { item: ReportItem }) {
  if (item.coReporting.mode !== 'via_lead' || item.unitRole !== 'co') return null;
  return (
    <Tag color="blue" title={item.coReporting.leadUnitName ? `本项配合部分报送牵头单位「${item.coReporting.leadUnitName}」` : undefined}>
      报牵头单位
    </Tag>
  );
}
