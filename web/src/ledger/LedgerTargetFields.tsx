import { Select, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useNotices } from '../notices/api';
import { useNoticeStructure } from './build-api';

export type LedgerTarget = { noticeId: number | undefined; annexNo: number | undefined };

/**
 * Where new tasks go: a notice (the one the ledger is filtered on, else the newest) and one of its
 * annexes (the first). Both preselected, so adding a task is usually fill-in-and-save.
 */
export function LedgerTargetFields({ value, onChange }: { value: LedgerTarget; onChange: (v: LedgerTarget) => void }) {
  const notices = useNotices();
  const structure = useNoticeStructure(value.noticeId);
  const list = useMemo(() => notices.data ?? [], [notices.data]);
  useEffect(() => {
    if (value.noticeId === undefined && list.length > 0) onChange({ noticeId: Math.max(...list.map((n) => n.id)), annexNo: undefined });
  }, [value.noticeId, list, onChange]);
  const annexes = useMemo(() => (structure.data?.notice.id === value.noticeId ? (structure.data?.annexes ?? []) : []), [structure.data, value.noticeId]);
  useEffect(() => {
    if (value.noticeId !== undefined && annexes.length > 0 && !annexes.some((a) => a.no === value.annexNo)) onChange({ ...value, annexNo: annexes[0]!.no });
  }, [annexes, value, onChange]);

  return (
    <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
      <span>
        <Typography.Text id="target-notice-label">台账（通知）：</Typography.Text>
        <Select
          aria-labelledby="target-notice-label"
          style={{ width: 300, maxWidth: '80vw' }}
          loading={notices.isPending}
          value={value.noticeId}
          onChange={(noticeId: number) => onChange({ noticeId, annexNo: undefined })}
          options={list.map((n) => ({ value: n.id, label: `${n.docNumber ? `${n.docNumber} ` : ''}${n.title}` }))}
          notFoundContent="尚无台账：请先新建台账或导入通知"
        />
      </span>
      <span>
        <Typography.Text id="target-annex-label">附件：</Typography.Text>
        <Select
          aria-labelledby="target-annex-label"
          style={{ width: 260, maxWidth: '80vw' }}
          loading={structure.isFetching}
          value={value.annexNo}
          onChange={(annexNo: number) => onChange({ ...value, annexNo })}
          options={annexes.map((a) => ({ value: a.no, label: `附件${a.no} · ${a.title}（${a.taskCount}项）` }))}
        />
      </span>
    </Space>
  );
}
