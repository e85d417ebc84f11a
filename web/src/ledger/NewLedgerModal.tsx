import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { ANNEX_KINDS } from '../../../core/api/ledger-build';
import { ANNEX_KIND_LABELS } from '../notices/labels';
import { ErrorAlert } from '../layout/ErrorAlert';
import { readableError } from './messages-build';
import { useCreateLedger } from './build-api';

interface Values {
  title: string;
  year: number;
  docNumber?: string;
  annexKind: (typeof ANNEX_KINDS)[number];
}

/**
 * 新建台账: when a notice cannot be imported, the office starts its ledger by hand — a title, the
 * year, the 文号 if it has one, and the kind of its first annex. Reporting periods are planned as for
 * an imported notice (quarterly, 报送 by the 1st of the next quarter).
 */
export function NewLedgerModal({ open, year, onClose, onCreated }: { open: boolean; year: number; onClose: () => void; onCreated: (noticeId: number) => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateLedger();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const { noticeId } = await create.mutateAsync({ title: v.title.trim(), year: v.year, docNumber: v.docNumber?.trim() || null, annexKind: v.annexKind });
      message.success('台账已建立，可以新增任务或粘贴导入');
      onCreated(noticeId);
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal open={open} title="新建台账" okText="建立" cancelText="取消" confirmLoading={create.isPending} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {error !== null && <ErrorAlert error={readableError(error)} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ year, annexKind: 'district-gwr', title: `${year}年重点工作任务责任分解台账` }}>
        <Form.Item name="title" label="台账名称" rules={[{ required: true, whitespace: true, message: '请填写台账名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="docNumber" label="文号（可选）" style={{ flex: 1, minWidth: 200 }}>
            <Input maxLength={60} placeholder="如：新政办〔2025〕1号" />
          </Form.Item>
        </div>
        <Form.Item name="annexKind" label="附件类型" extra="先建一个附件；以后可在粘贴导入或新增任务时选择附件。">
          <Select options={ANNEX_KINDS.map((k) => ({ value: k, label: ANNEX_KIND_LABELS[k] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
