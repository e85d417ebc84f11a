import { Alert, App, Button, Col, Collapse, Divider, Form, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import { DEFAULT_SCHEME, QUALITY_RATINGS, QUALITY_RATING_LABELS } from '../../../core/assessment/scheme';
import { QueryError } from '../layout/QueryError';
import { errorMessage } from '../api/client';
import { useScheme } from './api';
import { schemeErrorInChinese } from './messages';
import { fromForm, toForm, type SchemeFormValues } from './schemeForm';

type Field = keyof SchemeFormValues;

/** One number of the scheme: a label, the box, its unit. */
function Num({ name, label, unit, min = 0, max = 100, step = 1, rules = [], dependencies }: { name: Field; label: string; unit: string; min?: number; max?: number; step?: number; rules?: Rule[]; dependencies?: Field[] }) {
  return (
    <Col xs={12} md={8} lg={6} xl={4}>
      <Form.Item name={name} label={label} dependencies={dependencies} rules={[{ required: true, message: `请填写${label}` }, ...rules]}>
        <InputNumber min={min} max={max} step={step} addonAfter={unit} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
}

// The same rules the server keeps (core/assessment/schema.ts), said before a save is sent.
const WEIGHTS: Field[] = ['wReporting', 'wCompletion', 'wQuality'];
const weightsAddUp: Rule = ({ getFieldValue }) => ({
  validator: () => {
    const sum = WEIGHTS.reduce((a, f) => a + Number(getFieldValue(f) ?? 0), 0);
    return Math.round(sum * 100) === 10_000 ? Promise.resolve() : Promise.reject(new Error(`三项合计须为 100 分（现为 ${Math.round(sum * 100) / 100} 分）`));
  },
});
const below = (higher: Field, text: string): Rule => ({ getFieldValue }) => ({
  validator: (_, v: number | null) => (v == null || v < Number(getFieldValue(higher)) ? Promise.resolve() : Promise.reject(new Error(text))),
});

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <>
    <Divider orientation="left" plain style={{ margin: '4px 0 12px' }}>
      <Typography.Text strong>{title}</Typography.Text>
    </Divider>
    <Row gutter={16}>{children}</Row>
  </>
);

/** 考核方案: the year's numbers, saved per year; leaders see them read-only. */
export function SchemeCard({ year, editable }: { year: number; editable: boolean }) {
  const { message } = App.useApp();
  const { query, save } = useScheme(year);
  const [form] = Form.useForm<SchemeFormValues>();
  const wReporting = Form.useWatch(['wReporting'], form) ?? 0;
  const wCompletion = Form.useWatch(['wCompletion'], form) ?? 0;
  const wQuality = Form.useWatch(['wQuality'], form) ?? 0;
  const total = Math.round((wReporting + wCompletion + wQuality) * 100) / 100;

  useEffect(() => {
    if (query.data) form.setFieldsValue(toForm(query.data.scheme));
  }, [query.data, form]);

  const submit = async (v: SchemeFormValues) => {
    save.reset();
    // The form shows query.data (reset whenever it is read again): send the version it came with.
    await save.mutateAsync({ ...fromForm(v), version: query.data?.version ?? 0 });
    void message.success(`${year}年度考核方案已保存，下次运行考核时生效`);
  };

  const status = query.data?.isDefault ? (
    <Tag>默认方案</Tag>
  ) : query.data ? (
    <Tag color="blue">
      {query.data.updatedByName} 于 {dayjs(query.data.updatedAt).format('YYYY-MM-DD HH:mm')} 保存
    </Tag>
  ) : null;

  const body = (
    <>
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {save.error ? <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={schemeErrorInChinese(errorMessage(save.error))} /> : null}
      <Typography.Paragraph type="secondary">
        总分 = 报送 + 完成 + 质量 + 加分 ± 调整；报送、质量按到期报送期平均分配，完成按各事项最近一次报送的进展计分。比例以百分数填写。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" disabled={!editable} onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Section title={`分值构成（合计 ${total} 分，须为 100 分）`}>
          <Num name="wReporting" label="报送情况" unit="分" />
          <Num name="wCompletion" label="任务完成" unit="分" />
          <Num name="wQuality" label="报告质量" unit="分" rules={[weightsAddUp]} dependencies={['wReporting', 'wCompletion']} />
        </Section>
        <Section title="报送情况">
          <Num name="lateDeduction" label="逾期每天扣" unit="分" step={0.1} />
        </Section>
        <Section title="任务完成：进展得分率、指标占比、牵头与配合权重">
          <Num name="sCompleted" label="已完成" unit="%" />
          <Num name="sOnTrack" label="按序时推进" unit="%" />
          <Num name="sAtRisk" label="存在风险" unit="%" />
          <Num name="sDelayed" label="滞后" unit="%" />
          <Num name="sNotStarted" label="未启动" unit="%" />
          <Num name="indicatorShare" label="指标完成率占比" unit="%" />
          <Num name="lead" label="牵头事项权重" unit="倍" max={10} step={0.1} />
          <Num name="co" label="配合事项权重" unit="倍" max={10} step={0.1} />
        </Section>
        <Section title="报告质量：各等次得分率">
          <Num name="qExcellent" label="优" unit="%" />
          <Num name="qGood" label="良" unit="%" />
          <Num name="qFair" label="中" unit="%" />
          <Num name="qPoor" label="差" unit="%" />
          <Col xs={12} md={8} lg={6} xl={4}>
            <Form.Item name="unrated" label="未评价的按">
              <Select options={QUALITY_RATINGS.map((r) => ({ value: r, label: QUALITY_RATING_LABELS[r] }))} />
            </Form.Item>
          </Col>
        </Section>
        <Section title="加分：指标超额完成">
          <Num name="exceedBy" label="超过目标" unit="%" max={1000} />
          <Num name="perIndicator" label="每项加" unit="分" max={20} step={0.5} />
          <Num name="cap" label="最多加" unit="分" max={50} />
        </Section>
        <Section title="等次：最低分">
          <Num name="gExcellent" label="优秀" unit="分" />
          <Num name="gGood" label="良好" unit="分" rules={[below('gExcellent', '须低于优秀分数线')]} dependencies={['gExcellent']} />
          <Num name="gPass" label="合格" unit="分" rules={[below('gGood', '须低于良好分数线')]} dependencies={['gGood']} />
        </Section>
        {editable && (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存方案
            </Button>
            <Button
              onClick={() => {
                form.setFieldsValue(toForm(DEFAULT_SCHEME));
                void message.info('已恢复为默认方案，保存后生效');
              }}
            >
              恢复默认
            </Button>
          </Space>
        )}
      </Form>
    </>
  );

  return (
    <Collapse
      style={{ marginBottom: 16, background: '#fff' }}
      data-testid="assessment-scheme"
      items={[
        {
          key: 'scheme',
          label: (
            <Space>
              <Typography.Text strong>考核方案 · {year}年度</Typography.Text>
              {status}
            </Space>
          ),
          children: body,
          forceRender: true,
        },
      ]}
    />
  );
}
