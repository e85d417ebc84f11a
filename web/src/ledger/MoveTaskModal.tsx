import { App, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import { readableError } from './messages-build';
import type { TaskRow } from './api';
import { useMoveTask, useNoticeStructure } from './build-api';

/** 移动到…: another annex of the same notice and, if it has them, one of its categories (at its end). */
export function MoveTaskModal({ task, onClose }: { task: TaskRow; onClose: () => void }) {
  const structure = useNoticeStructure(task.noticeId);
  const move = useMoveTask();
  const { message } = App.useApp();
  const [annexNo, setAnnexNo] = useState(task.annex.no);
  const [categoryId, setCategoryId] = useState<number | null>(task.category?.id ?? null);
  const [error, setError] = useState<unknown>(null);
  const annexes = structure.data?.annexes ?? [];
  const categories = annexes.find((a) => a.no === annexNo)?.categories ?? [];

  const submit = async () => {
    setError(null);
    try {
      const res = await move.mutateAsync({ id: task.id, body: { annexNo, categoryId } });
      message.success(`已移动到附件${res.annexNo}，序号 ${res.seq}`);
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal open title={`移动任务：附件${task.annex.no} ${task.seq}`} okText="移动" cancelText="取消" confirmLoading={move.isPending} onOk={() => void submit()} onCancel={onClose}>
      {error !== null && <ErrorAlert error={readableError(error)} />}
      <Form layout="vertical">
        <Form.Item label="移动到附件">
          <Select
            aria-label="移动到附件"
            value={annexNo}
            loading={structure.isPending}
            onChange={(no: number) => {
              setAnnexNo(no);
              setCategoryId(null);
            }}
            options={annexes.map((a) => ({ value: a.no, label: `附件${a.no} · ${a.title}` }))}
          />
        </Form.Item>
        <Form.Item label="类别" extra="移动到所选类别的最后；移动到其他附件时按该附件顺序重新编号">
          <Select
            aria-label="类别"
            value={categoryId ?? 0}
            onChange={(id: number) => setCategoryId(id === 0 ? null : id)}
            options={[{ value: 0, label: '（不分类别）' }, ...categories.map((c) => ({ value: c.id, label: `${c.no}. ${c.name}` }))]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
