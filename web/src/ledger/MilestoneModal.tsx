import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { TaskDetail } from './api';
import { useSaveMilestone, type Milestone } from './milestones-api';

interface Values {
  dueOn: Dayjs;
  description: string;
  kind: 'state' | 'indicator';
  state?: 'started' | 'completed';
  indicatorId?: number;
  value?: number;
}

/**
 * The office adds or edits a milestone (时间节点): by a date, what is to be done, and what is
 * expected by then — the work started or completed, or one of the task's indicators at a value.
 * An edit carries the version it was opened at; a newer edit by someone else is not overwritten.
 */
export function MilestoneModal({
  taskId,
  indicators,
  milestone,
  open,
  onClose,
}: {
  taskId: number;
  indicators: TaskDetail['indicators'];
  /** The milestone to edit; none to add one. */
  milestone: Milestone | null;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const save = useSaveMilestone(taskId);
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const indicatorId = Form.useWatch('indicatorId', form);
  const unit = indicators.find((i) => i.id === indicatorId)?.unit;

  const initial: Partial<Values> = milestone
    ? {
        dueOn: dayjs(milestone.dueOn),
        description: milestone.description,
        kind: milestone.expect.kind,
        ...(milestone.expect.kind === 'state'
          ? { state: milestone.expect.state }
          : { indicatorId: milestone.expect.indicatorId ?? undefined, value: milestone.expect.value }),
      }
    : { kind: 'state', state: 'started' };

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    const body = {
      dueOn: v.dueOn.format('YYYY-MM-DD'),
      description: v.description.trim(),
      expect: v.kind === 'state' ? { kind: 'state' as const, state: v.state ?? 'started' } : { kind: 'indicator' as const, indicatorId: v.indicatorId!, value: v.value! },
    };
    try {
      await save.mutateAsync(milestone ? { id: milestone.id, version: milestone.version, body } : { body });
      message.success(milestone ? '时间节点已修改' : '时间节点已添加');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'EDIT_CONFLICT') {
        message.warning({ content: `${err.message}。已重新加载最新内容。`, duration: 6 });
        onClose();
        return;
      }
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={milestone ? '修改时间节点' : '新增时间节点'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Form.Item name="dueOn" label="节点日期" rules={[{ required: true, message: '请选择节点日期' }]}>
          <DatePicker style={{ width: '100%' }} placeholder="到这一天应完成的进度" />
        </Form.Item>
        <Form.Item
          name="description"
          label="节点内容"
          rules={[{ required: true, whitespace: true, message: '请填写节点内容' }]}
        >
          <Input maxLength={200} showCount placeholder="如：完成招标、主体完工、完成验收" />
        </Form.Item>
        <Form.Item name="kind" label="到期时应达到">
          <Radio.Group
            options={[
              { value: 'state', label: '工作进度' },
              { value: 'indicator', label: '指标数值', disabled: indicators.length === 0 },
            ]}
          />
        </Form.Item>
        {kind !== 'indicator' ? (
          <Form.Item name="state" label="工作应" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group
              options={[
                { value: 'started', label: '已启动' },
                { value: 'completed', label: '已完成' },
              ]}
            />
          </Form.Item>
        ) : (
          <div style={{ display: 'flex', gap: 16 }}>
            <Form.Item name="indicatorId" label="指标" style={{ flex: 2 }} rules={[{ required: true, message: '请选择指标' }]}>
              <Select
                placeholder="选择本事项的指标"
                options={indicators.map((i) => ({ value: i.id, label: `${i.name}（全年目标${i.target}${i.unit}）` }))}
              />
            </Form.Item>
            <Form.Item name="value" label="应完成" style={{ flex: 1 }} rules={[{ required: true, message: '请填写数值' }]}>
              <InputNumber style={{ width: '100%' }} addonAfter={unit} />
            </Form.Item>
          </div>
        )}
      </Form>
    </Modal>
  );
}
