import { DownloadOutlined, FileAddOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { AddTaskModal } from './AddTaskModal';
import { importTemplateHref } from './build-api';
import { NewLedgerModal } from './NewLedgerModal';
import { PasteImportModal } from './PasteImportModal';
import './ledger-build.css';

type Open = 'ledger' | 'task' | 'paste' | null;

/**
 * The office's buttons for building the ledger without (or besides) a notice file: 新建台账,
 * 新增任务, 粘贴导入 and 下载导入模板. New tasks go to the notice the ledger is filtered on, else
 * the newest; a new ledger becomes the filter, so the next click adds to it.
 */
export function LedgerBuildBar({ noticeId, year, onLedgerCreated }: { noticeId: number | undefined; year: number; onLedgerCreated: (noticeId: number) => void }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <Button icon={<FileAddOutlined />} onClick={() => setOpen('ledger')}>
        新建台账
      </Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('task')}>
        新增任务
      </Button>
      <Button icon={<SnippetsOutlined />} onClick={() => setOpen('paste')}>
        粘贴导入
      </Button>
      <Button icon={<DownloadOutlined />} href={importTemplateHref(year)}>
        下载导入模板
      </Button>
      <NewLedgerModal open={open === 'ledger'} year={year} onClose={close} onCreated={onLedgerCreated} />
      {open === 'task' && <AddTaskModal open initialNoticeId={noticeId} onClose={close} />}
      {open === 'paste' && <PasteImportModal open initialNoticeId={noticeId} onClose={close} />}
    </>
  );
}
