import { Alert, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLeaders, useUnits } from '../directory/api';
import { fromFormValues, toFormValues } from '../ledger/indicator-form';
import { baseIndicators, diffCorrection, effective } from './corrections';
import { IndicatorCorrections, type IndicatorFormValues } from './IndicatorCorrections';
import { RepairList } from './RepairTag';
import type { Indicator, ParsedNotice, TaskCorrection, TaskRow } from './types';

interface Values {
  leaders: string[];
  units: string[];
  standard: string;
  deadline: string;
  indicators: IndicatorFormValues[];
}

const asForm = (list: Indicator[]) =>
  list.map((i) => toFormValues({ name: i.name, unit: i.unit, target: i.value, qualifier: i.qualifier }));
const sameSpans = (a: Indicator[], b: Indicator[]) =>
  JSON.stringify(a.map((i) => i.text)) === JSON.stringify(b.map((i) => i.text));

interface Props {
  row: TaskRow | null;
  parsed: ParsedNotice;
  onSave: (correction: TaskCorrection) => void;
  onClose: () => void;
}

// The same limits as core/api/notices.ts taskCorrectionSchema, checked here so the clerk gets a
// Chinese reason next to the field instead of a refused import.
function listRule(what: string, maxItems: number, maxLength: number) {
  return {
    validator: async (_: unknown, value: string[] | undefined) => {
      const list = value ?? [];
      if (list.length > maxItems) throw new Error(`${what}最多 ${maxItems} 个`);
      const long = list.find((v) => v.trim().length > maxLength);
      if (long) throw new Error(`“${long.slice(0, 12)}…”过长，${what}名称不超过 ${maxLength} 个字`);
    },
  };
}

function nonEmpty(message: string) {
  return {
    validator: async (_: unknown, value: string[] | undefined) => {
      if (!(value ?? []).some((v) => v.trim())) throw new Error(message);
    },
  };
}

function names(...lists: string[][]): { value: string; label: string }[] {
  return [...new Set(lists.flat())].map((n) => ({ value: n, label: n }));
}

/** Leaders with their post (副区长 …) where the directory knows it: easier to pick the right one. */
function leaderNames(directory: { name: string; title: string }[], fromNotice: string[]) {
  const titles = new Map(directory.map((l) => [l.name, l.title]));
  return names(
    directory.map((l) => l.name),
    fromNotice,
  ).map((o) => ({
    ...o,
    label: titles.get(o.value) ? `${o.value}（${titles.get(o.value)}）` : o.value,
  }));
}

/**
 * Correct one task before import. Options come from the directory already in Duban and from the
 * notice itself; a name typed that is in neither becomes a new unit or leader on import.
 */
export function CorrectionModal({ row, parsed, onSave, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const leaders = useLeaders();
  const units = useUnits();

  const leaderOptions = useMemo(
    () =>
      leaderNames(
        leaders.data ?? [],
        parsed.directories.leaders.map((e) => e.name),
      ),
    [leaders.data, parsed],
  );
  const unitOptions = useMemo(
    () =>
      names(
        (units.data ?? []).map((u) => u.name),
        parsed.directories.units.map((e) => e.name),
      ),
    [units.data, parsed],
  );

  // The indicators the form names: those of the standard as it stands in the form.
  const [spans, setSpans] = useState<Indicator[]>([]);

  useEffect(() => {
    if (!row) return;
    const v = effective(row);
    setSpans(v.indicators);
    form.setFieldsValue({
      leaders: v.leaders,
      units: v.units,
      standard: v.standard,
      deadline: v.deadline ?? '',
      indicators: asForm(v.indicators),
    });
  }, [row, form]);

  // A standard the office rewrites may hold other indicators: read them again, as the import will
  // (only on typing: opening the dialog sets the fields without this).
  const onValuesChange = (changed: Partial<Values>) => {
    if (!row || changed.standard === undefined) return;
    const fresh = baseIndicators(row.task, changed.standard.trim() || undefined);
    if (sameSpans(fresh, spans)) return;
    setSpans(fresh);
    form.setFieldValue('indicators', asForm(fresh));
  };

  const submit = (values: Values) => {
    if (!row) return;
    onSave(
      diffCorrection(row, {
        leaders: values.leaders.map((s) => s.trim()).filter(Boolean),
        units: values.units.map((s) => s.trim()).filter(Boolean),
        standard: values.standard.trim(),
        deadline: values.deadline.trim() || null,
        indicators: (values.indicators ?? []).map((i) => {
          const v = fromFormValues(i);
          return { name: v.name, value: v.target, unit: v.unit, qualifier: v.qualifier };
        }),
      }),
    );
  };

  const task = row?.task;
  return (
    <Modal
      open={row !== null}
      title={row ? `编辑事项：附件${row.annex.no} ${row.task.seq}` : ''}
      okText="保存更正"
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnClose
    >
      {task && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="原文分管领导">{task.leadersPrinted || '（空）'}</Descriptions.Item>
            <Descriptions.Item label="原文责任单位">{task.unitsPrinted.join(' ') || '（空）'}</Descriptions.Item>
          </Descriptions>
          {task.repairs.length > 0 && (
            <Alert
              type={task.uncertain ? 'warning' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              message="系统对本事项的自动修复"
              description={<RepairList repairs={task.repairs} />}
            />
          )}
        </>
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} onValuesChange={onValuesChange}>
        <Form.Item name="leaders" label="分管区领导" rules={[listRule('分管区领导', 10, 20)]}>
          <Select
            mode="tags"
            options={leaderOptions}
            placeholder="选择或输入领导姓名"
            tokenSeparators={[' ', '、', '，', ',']}
          />
        </Form.Item>
        <Form.Item
          name="units"
          label="责任单位"
          extra="按顺序排列：第一个为牵头单位，其余为配合单位"
          // Not `required: true`: antd would put aria-required on the Select's wrapper, a div without a
          // role (axe-core: aria-allowed-attr). The same check as a validator, the mark drawn by CSS.
          className="field-required"
          rules={[nonEmpty('请至少填写一个责任单位'), listRule('责任单位', 30, 60)]}
        >
          <Select
            mode="tags"
            options={unitOptions}
            placeholder="选择或输入单位名称"
            tokenSeparators={[' ', '、', '，', ',']}
          />
        </Form.Item>
        <Form.Item
          name="standard"
          label={row?.annex.kind === 'district-gwr' ? '工作标准' : '区目标'}
          rules={[{ required: true, whitespace: true, message: '工作标准不能为空' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="deadline" label="完成时限" extra="如“12月”“6月底”；通知未写明的可留空">
          <Input maxLength={50} style={{ width: 200 }} />
        </Form.Item>
        <IndicatorCorrections spans={spans} />
      </Form>
    </Modal>
  );
}
