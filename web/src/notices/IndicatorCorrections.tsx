import { Form, Input, Select, Typography } from 'antd';
import {
  INDICATOR_NAME_MAX,
  INDICATOR_UNIT_MAX,
  nameRules,
  qualifierOptions,
  targetRules,
  unitRules,
  type IndicatorFormValues,
} from '../ledger/indicator-form';
import type { Indicator } from './types';

/**
 * The task's indicators in the correction dialog, one row each in the parser's order: the office
 * renames them (即新增公共停车位 → 新增公共停车位) and corrects unit, target and qualifier before the
 * import. The printed span each came from is shown under it, so the office names what the text says.
 */
export function IndicatorCorrections({ spans }: { spans: Indicator[] }) {
  if (spans.length === 0) {
    return (
      <Form.Item label="量化指标">
        <Typography.Text type="secondary">工作标准中没有识别出量化指标。</Typography.Text>
      </Form.Item>
    );
  }
  return (
    <Form.Item
      label="量化指标"
      extra="修改工作标准后，指标按新文本重新识别；导入后也可在事项页修改指标。"
      style={{ marginBottom: 8 }}
    >
      <Form.List name="indicators">
        {(fields) =>
          fields.map((field, n) => (
            <fieldset key={field.key} className="indicator-correction">
              <legend>
                第 {n + 1} 项 <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>原文：{spans[n]?.text ?? ''}</Typography.Text>
              </legend>
              <Form.Item name={[field.name, 'name']} label="指标名称" rules={nameRules}>
                <Input maxLength={INDICATOR_NAME_MAX} showCount />
              </Form.Item>
              <div className="indicator-correction-row">
                <Form.Item name={[field.name, 'qualifier']} label="限定词" style={{ flex: 1.3 }}>
                  <Select options={qualifierOptions} />
                </Form.Item>
                <Form.Item name={[field.name, 'target']} label="目标值" rules={targetRules} style={{ flex: 1 }}>
                  <Input inputMode="decimal" />
                </Form.Item>
                <Form.Item name={[field.name, 'unit']} label="计量单位" rules={unitRules} style={{ flex: 1 }}>
                  <Input maxLength={INDICATOR_UNIT_MAX} />
                </Form.Item>
              </div>
            </fieldset>
          ))
        }
      </Form.List>
    </Form.Item>
  );
}

export type { IndicatorFormValues };
