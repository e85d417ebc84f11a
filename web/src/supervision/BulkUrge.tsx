import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import { CHANNEL } from './labels';
import './supervision.css';
import { newRequestKey, useBulkUrge, useChannelSettings, useUrgeTallies, type BulkUrgeResult } from './api';

type Unit = { unitId: number; unitName: string };

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** 已催办 N 次 · M月D日 (the last one, 业务日期), on a unit's row; nothing when the unit was never urged. */
export function UrgeTally({ periodId, unitId }: { periodId: number; unitId: number }) {
  const tally = useUrgeTallies(periodId).data?.get(unitId);
  if (!tally) return null;
  return (
    <Tag
      className="urge-tally-tag"
      data-testid="urge-tally"
      title={`最近一次催办：${md(tally.lastOn)}（业务日期）；人工催办 ${tally.manual} 次，系统自动催办 ${tally.auto} 次`}
      style={{ marginInlineEnd: 0 }}
    >
      已催办 {tally.count} 次 · {md(tally.lastOn)}
    </Tag>
  );
}

/** The channels an urge goes out on: always in the app, plus those the office turned on in 系统设置. */
function useChannelsText(): string {
  const settings = useChannelSettings().query.data;
  const on = settings ? (['email', 'wecom', 'dingtalk'] as const).filter((c) => settings[c].enabled).map((c) => CHANNEL[c]) : [];
  return ['站内通知', ...on].join('、');
}

type Props = {
  periodId: number;
  periodLabel: string;
  units: Unit[];
  /** What the batch is, for the title: 催办全部未报送单位 or 催办所选单位. */
  title: string;
  onClose: (result: BulkUrgeResult | null) => void;
};

/**
 * The one confirmation of a bulk urge: how many units (named), on which channels, with the message
 * they will read. One key per confirmation: pressing 确定 twice, or a retry, urges nobody twice.
 */
export function BulkUrgeModal({ periodId, periodLabel, units, title, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const [requestKey] = useState(newRequestKey);
  const urge = useBulkUrge();
  const channels = useChannelsText();

  const submit = async () => {
    const values = await form.validateFields();
    const r = await urge
      .mutateAsync({ periodId, unitIds: units.map((u) => u.unitId), message: values.message.trim(), requestKey })
      .catch(() => null);
    if (!r) return; // the error shows in the modal
    const parts = [`已向 ${r.urged.length + r.alreadyUrged.length} 个单位发出催办`];
    if (r.skipped.length) parts.push(`${r.skipped.length} 个单位已报送或本期免报，未催办`);
    void message.success(parts.join('；'));
    onClose(r);
  };

  return (
    <Modal
      open
      title={`${title} · ${periodLabel}`}
      okText={`确定催办 ${units.length} 个单位`}
      cancelText="取消"
      confirmLoading={urge.isPending}
      onOk={() => void submit()}
      onCancel={() => onClose(null)}
      width={600}
    >
      <Typography.Paragraph>
        将向以下 <Typography.Text strong>{units.length}</Typography.Text> 个单位各发出一次催办，发送渠道：
        <Typography.Text strong>{channels}</Typography.Text>。
      </Typography.Paragraph>
      <div className="bulk-urge-units" data-testid="bulk-urge-units">
        {units.map((u) => (
          <Tag key={u.unitId} style={{ marginBottom: 4 }}>
            {u.unitName}
          </Tag>
        ))}
      </div>
      {urge.error && <ErrorAlert error={urge.error} />}
      <Form form={form} layout="vertical" initialValues={{ message: `请抓紧报送${periodLabel}责任事项完成情况。` }}>
        <Form.Item name="message" label="催办内容" rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">已报送督查室或本期免报的单位不会被催办；发送结果可在“催办记录”中查看。</Typography.Text>
    </Modal>
  );
}

/** 催办全部未报送单位 and 催办所选单位, above the 本期报送情况 table. */
export function BulkUrgeBar({
  periodId,
  periodLabel,
  unreported,
  selected,
  onDone,
}: {
  periodId: number;
  periodLabel: string;
  /** Units whose report has not reached the office (not exempt). */
  unreported: Unit[];
  selected: Unit[];
  onDone: () => void;
}) {
  const [open, setOpen] = useState<'all' | 'selected' | null>(null);
  const [last, setLast] = useState<BulkUrgeResult | null>(null);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" icon={<BellOutlined />} disabled={unreported.length === 0} onClick={() => setOpen('all')}>
          催办全部未报送单位（{unreported.length}）
        </Button>
        <Button icon={<BellOutlined />} disabled={selected.length === 0} onClick={() => setOpen('selected')}>
          催办所选单位{selected.length ? `（${selected.length}）` : ''}
        </Button>
      </Space>
      {last && last.skipped.length > 0 && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setLast(null)}
          style={{ marginBottom: 8 }}
          message={`${last.skipped.length} 个单位未催办：${last.skipped.map((s) => `${s.unitName}（${s.reason}）`).join('；')}`}
        />
      )}
      {open && (
        <BulkUrgeModal
          periodId={periodId}
          periodLabel={periodLabel}
          units={open === 'all' ? unreported : selected}
          title={open === 'all' ? '催办全部未报送单位' : '催办所选单位'}
          onClose={(r) => {
            setOpen(null);
            if (r) {
              setLast(r);
              onDone();
            }
          }}
        />
      )}
    </>
  );
}
