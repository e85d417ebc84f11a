import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { Score } from './api';
import { fixed } from './labels';

type Common = { score: Score; pending: boolean; error: unknown; onClose: () => void };

/** 调整分数: a signed delta and the reason, which the export prints beside the unit. */
export function AdjustModal({ score, pending, error, onSubmit, onClose }: Common & { onSubmit: (delta: number, reason: string) => void }) {
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  return (
    <Modal open title={`调整分数 · ${score.unitName}`} okText="确定调整" cancelText="取消" confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">
        当前总分 {fixed(score.final)} 分（计算得分 {fixed(score.computed)}，已调整 {fixed(score.adjustment)}）。加分填正数，减分填负数；调整及理由记入审计日志，并在导出的排名中注明。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.delta, v.reason.trim())}>
        <Form.Item
          name="delta"
          label="调整分值"
          rules={[
            { required: true, message: '请填写调整分值' },
            { validator: (_, v: number | null) => (v === 0 ? Promise.reject(new Error('调整分值不能为 0')) : Promise.resolve()) },
          ]}
        >
          <InputNumber min={-100} max={100} step={0.5} precision={2} addonAfter="分" style={{ width: 200 }} placeholder="如 2 或 -1.5" />
        </Form.Item>
        <Form.Item name="reason" label="调整理由" rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：承担区防汛抢险任务，经区政府常务会议研究同意加分" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 一票否决: the unit's year ends at 0 and 不合格; the reason is required and audited. */
export function VetoModal({ score, pending, error, onSubmit, onClose }: Common & { onSubmit: (reason: string) => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={`一票否决 · ${score.unitName}`}
      okText="确定否决"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="一票否决后，该单位本年度考核总分计 0 分、等次为不合格、排名列最后；本年度以后运行的考核继续适用，可随时撤销。" />
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label="否决理由" rules={[{ required: true, whitespace: true, message: '请填写否决理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：发生较大安全生产责任事故" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
