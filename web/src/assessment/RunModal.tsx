import { Form, Modal, Radio, Select, Typography } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { AssessmentOptions } from './api';

type Values = { scope: 'year' | 'period'; periodId?: number };

/** 运行考核: the whole year, or one period the office opened; a new result each time. */
export function RunModal({
  year,
  options,
  hasRun,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  year: number;
  options: AssessmentOptions | undefined;
  hasRun: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (body: { year: number } | { periodId: number }) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form);
  const periods = (options?.years.find((y) => y.year === year)?.periods ?? []).filter((p) => p.status !== 'planned');
  return (
    <Modal open title={`运行考核 · ${year}年度`} okText="开始计算" cancelText="取消" confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">
        按{year}年度考核方案，以各单位截至业务日期 {options?.today ?? ''} 报送督查室（经单位主要负责人审定）的报告计算得分。全年度考核计入截止日期已过的各报送期。
        {hasRun && '结果另存为新的一次考核，此前的结果保留备查；分数调整需在新结果上重新作出，一票否决继续有效。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ scope: 'year' }} onFinish={(v) => onSubmit(v.scope === 'period' && v.periodId ? { periodId: v.periodId } : { year })}>
        <Form.Item name="scope" label="考核范围">
          <Radio.Group
            options={[
              { value: 'year', label: `${year}年度（全部报送期）` },
              { value: 'period', label: '单个报送期', disabled: periods.length === 0 },
            ]}
          />
        </Form.Item>
        {scope === 'period' && (
          <Form.Item name="periodId" label="报送期" rules={[{ required: true, message: '请选择报送期' }]}>
            <Select placeholder="选择已开放的报送期" options={periods.map((p) => ({ value: p.id, label: `${p.label}（截止 ${p.effectiveDeadline}）` }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
