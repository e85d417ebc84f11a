import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { useEditIndicator, type TaskDetail } from './api';
import {
  fromFormValues,
  INDICATOR_NAME_MAX,
  INDICATOR_UNIT_MAX,
  nameRules,
  qualifierOptions,
  targetRules,
  toFormValues,
  unitRules,
  type IndicatorFormValues,
} from './indicator-form';

type Indicator = TaskDetail['indicators'][number];

/**
 * The office corrects one indicator: the name as the parser cut it from the text (即新增公共停车位),
 * the unit, the target and its qualifier. Saving makes a new version of the task (版本记录 shows
 * before and after); over someone else's newer save the page reloads instead of overwriting.
 */
export function IndicatorEditModal({
  taskId,
  version,
  indicator,
  onClose,
  onConflict,
}: {
  taskId: number;
  version: number;
  indicator: Indicator | null;
  onClose: () => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<IndicatorFormValues>();
  const edit = useEditIndicator();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    if (indicator) form.setFieldsValue(toFormValues(indicator));
  }, [indicator, form]);

  const submit = async () => {
    if (!indicator) return;
    const v = await form.validateFields();
    setError(null);
    try {
      const res = await edit.mutateAsync({
        taskId,
        indicatorId: indicator.id,
        body: { version, ...fromFormValues(v) },
      });
      if (res.changed) message.success(`已保存，事项更新为第${res.version}版`);
      else message.info('指标没有改动');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'EDIT_CONFLICT') {
        message.warning({ content: `${err.message}。已重新加载最新内容。`, duration: 6 });
        onConflict();
        onClose();
        return;
      }
      // The server's reasons go under their fields; the summary above the form.
      if (err instanceof ApiError && err.fields) {
        form.setFields(
          Object.entries(err.fields).map(([name, reason]) => ({
            name: name as keyof IndicatorFormValues,
            errors: [reason],
          })),
        );
      }
      setError(errorMessage(err));
    }
  };

  return (
    <Modal
      open={indicator !== null}
      title="修改指标"
      okText="保存"
      cancelText="取消"
      confirmLoading={edit.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      width={560}
    >
      {error !== null && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={error} />}
      {indicator && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
          保存后事项升为第{version + 1}
          版，修改前后的指标记入“版本记录”和“修改记录”；各单位已填报的完成值保留在该指标下。
        </Typography.Paragraph>
      )}
      <Form<IndicatorFormValues> form={form} layout="vertical">
        <Form.Item name="name" label="指标名称" rules={nameRules} extra="写明统计的对象，如“新增公共停车位”">
          <Input maxLength={INDICATOR_NAME_MAX} showCount />
        </Form.Item>
        <div className="indicator-form-row">
          <Form.Item name="qualifier" label="限定词" style={{ flex: 1.3 }}>
            <Select options={qualifierOptions} />
          </Form.Item>
          <Form.Item name="target" label="目标值" rules={targetRules} style={{ flex: 1 }}>
            <Input inputMode="decimal" placeholder="如 3000" />
          </Form.Item>
          <Form.Item name="unit" label="计量单位" rules={unitRules} style={{ flex: 1 }}>
            <Input maxLength={INDICATOR_UNIT_MAX} placeholder="如 个、万元、%" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
