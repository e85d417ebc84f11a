import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../layout/ErrorAlert';
import { usePeriodAction, type Period } from './api';

interface Values {
  deadline: Dayjs;
  reason: string;
}

/** 延期: a later deadline and the reason, both required; the original deadline stays on record. */
export function ExtendPeriodModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const action = usePeriodAction();
  const current = dayjs(period.effectiveDeadline);

  const submit = (v: Values) =>
    action.mutate(
      // The period as it was when the modal opened: an extension after someone else's change is refused.
      { id: period.id, action: 'extend', deadline: v.deadline.format('YYYY-MM-DD'), reason: v.reason.trim(), version: period.version },
      { onSuccess: onClose },
    );

  return (
    <Modal
      open
      title={`延期 · ${period.label}`}
      okText="确认延期"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={action.isPending}
      destroyOnHidden
    >
      {action.error && <ErrorAlert error={action.error} />}
      <Typography.Paragraph type="secondary">
        当前截止日期：{current.format('YYYY年M月D日')}
        {period.effectiveDeadline !== period.deadline && `（原定 ${dayjs(period.deadline).format('YYYY年M月D日')}）`}
        。延期后各单位按新的截止日期报送，原定日期和延期理由留档备查。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="deadline" label="新的截止日期" rules={[{ required: true, message: '请选择新的截止日期' }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => !d.isAfter(current, 'day')}
            defaultPickerValue={current.add(1, 'day')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="延期理由"
          rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：国庆假期顺延、汛期防汛任务繁重等" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
