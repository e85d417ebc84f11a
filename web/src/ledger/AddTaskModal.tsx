import { App, AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useLeaders, useUnits } from '../directory/api';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useAddTasks, useNoticeStructure } from './build-api';
import { LedgerTargetFields, type LedgerTarget } from './LedgerTargetFields';
import { addedMessage, readableError } from './messages-build';

interface Values {
  category?: string;
  seq?: string;
  standard: string;
  leaders: string[];
  leadUnits: string[];
  coUnits: string[];
  deadline?: string;
  indicators?: string;
}

/**
 * 新增任务: one task written by hand. Leaders and units are picked from the directory or typed
 * (a name not in it is added to it, as an import adds it); 序号 is the annex's next unless given;
 * the due date is read from 完成时限 and indicators from the text unless 指标 is filled.
 */
export function AddTaskModal({ open, initialNoticeId, onClose }: { open: boolean; initialNoticeId: number | undefined; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<LedgerTarget>({ noticeId: initialNoticeId, annexNo: undefined });
  const structure = useNoticeStructure(target.noticeId);
  const leaders = useLeaders();
  const units = useUnits();
  const add = useAddTasks();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const categories = structure.data?.annexes.find((a) => a.no === target.annexNo)?.categories ?? [];
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.name, label: u.name }));

  const submit = async () => {
    const v = await form.validateFields();
    if (target.noticeId === undefined || target.annexNo === undefined) return setError(new Error('请先选择台账和附件'));
    setError(null);
    try {
      const res = await add.mutateAsync({
        noticeId: target.noticeId,
        annexNo: target.annexNo,
        tasks: [
          {
            seq: v.seq?.trim() || null,
            category: v.category?.trim() || null,
            standard: v.standard.trim(),
            leaders: v.leaders ?? [],
            leadUnits: v.leadUnits ?? [],
            coUnits: v.coUnits ?? [],
            deadline: v.deadline?.trim() || null,
            indicators: v.indicators?.trim() || null,
          },
        ],
      });
      message.success(addedMessage(res));
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal open={open} title="新增任务" okText="保存" cancelText="取消" confirmLoading={add.isPending} onOk={() => void submit()} onCancel={onClose} destroyOnHidden width={760}>
      {error !== null && <ErrorAlert error={readableError(error)} />}
      <LedgerTargetFields value={target} onChange={setTarget} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ leaders: [], leadUnits: [], coUnits: [] }}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="category" label="类别（目标名称，可选）" style={{ flex: 2, minWidth: 220 }}>
            <AutoComplete options={categories.map((c) => ({ value: c.name }))} placeholder="选择已有类别或输入新类别" filterOption />
          </Form.Item>
          <Form.Item name="seq" label="序号" style={{ flex: 1, minWidth: 120 }} extra="留空自动编号">
            <Input maxLength={20} placeholder="自动" />
          </Form.Item>
        </div>
        <Form.Item name="standard" label="任务内容（工作标准）" rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="leaders" label="牵头领导" extra="可从名录选择，也可直接输入姓名后回车">
          <Select mode="tags" tokenSeparators={['、', '，', ',']} loading={leaders.isPending} options={(leaders.data ?? []).map((l) => ({ value: l.name, label: l.name }))} />
        </Form.Item>
        {/* A validator, not `required`: antd would put aria-required on the Select's div, which axe rightly refuses. */}
        <Form.Item
          name="leadUnits"
          label="牵头单位（必填）"
          rules={[{ validator: (_, v: string[] | undefined) => (v?.length ? Promise.resolve() : Promise.reject(new Error('至少需要一个牵头单位'))) }]}
          extra="名录中没有的单位将自动加入单位名录"
        >
          <Select mode="tags" tokenSeparators={['、', '，', ',']} loading={units.isPending} options={unitOptions} />
        </Form.Item>
        <Form.Item name="coUnits" label="配合单位">
          <Select mode="tags" tokenSeparators={['、', '，', ',']} loading={units.isPending} options={unitOptions} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="deadline" label="完成时限" style={{ flex: 1, minWidth: 200 }} extra="如：6月底前、2025年9月30日、长期">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="indicators" label="指标（可选）" style={{ flex: 2, minWidth: 240 }} extra="留空则从任务内容识别，如“新建充电桩500个”">
            <Input maxLength={2000} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
