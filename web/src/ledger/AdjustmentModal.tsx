import { App, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useProposeAdjustment, type TaskDetail } from './api';

interface Values {
  kind: 'standard' | 'indicator';
  afterText?: string;
  indicatorId?: number;
  afterValue?: number;
  reason: string;
}

/**
 * 申请目标调整: when an upper level changes a target the unit asks to change its own, either the
 * work standard's text or one indicator's target, always with a reason the office decides on.
 */
export function AdjustmentModal({ detail, open, onClose }: { detail: TaskDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const propose = useProposeAdjustment();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form) ?? 'standard';
  const indicatorId = Form.useWatch('indicatorId', form);
  const indicator = detail.indicators.find((i) => i.id === indicatorId);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const body =
      v.kind === 'standard'
        ? { afterText: v.afterText?.trim(), reason: v.reason.trim() }
        : { indicatorId: v.indicatorId, afterValue: v.afterValue, reason: v.reason.trim() };
    try {
      await propose.mutateAsync({ id: detail.task.id, body });
      message.success('目标调整申请已提交，待督查室审核');
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title="申请目标调整"
      okText="提交申请"
      cancelText="取消"
      confirmLoading={propose.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'standard', afterText: detail.task.standard }}
      >
        <Form.Item name="kind" label="调整内容">
          <Radio.Group
            options={[
              { value: 'standard', label: '工作标准' },
              { value: 'indicator', label: '指标目标值', disabled: detail.indicators.length === 0 },
            ]}
          />
        </Form.Item>
        {kind === 'standard' ? (
          <Form.Item
            name="afterText"
            label="调整后的工作标准"
            rules={[{ required: true, whitespace: true, message: '请填写调整后的工作标准' }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="indicatorId" label="指标" rules={[{ required: true, message: '请选择要调整的指标' }]}>
              <Select
                placeholder="选择指标"
                options={detail.indicators.map((i) => ({
                  value: i.id,
                  label: `${i.name}（现目标 ${i.target}${i.unit}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="afterValue"
              label="调整后的目标值"
              rules={[{ required: true, message: '请填写调整后的目标值' }]}
            >
              <InputNumber style={{ width: 200 }} addonAfter={indicator?.unit || undefined} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label="调整理由"
          rules={[{ required: true, whitespace: true, message: '请填写调整理由' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder="如：市级绩效目标调整，依据……" />
        </Form.Item>
        <Typography.Text type="secondary">督查室批准后，事项将生成新版本，原版本保留可查。</Typography.Text>
      </Form>
    </Modal>
  );
}
