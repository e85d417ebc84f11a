import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNotices } from '../notices/api';

const LABEL = '导出台账（附件格式）';

export const annexExportHref = (noticeId: number) => `/api/notices/${noticeId}/ledger.xlsx`;

/**
 * 导出台账（附件格式）: the ledger of one notice laid out as the notice's annex tables, with the
 * latest progress, light and indicators on the right. The ledger shown may span several notices:
 * the one filtered on is exported, the only one directly, otherwise the person picks.
 */
export function AnnexExportButton({ noticeId }: { noticeId: number | undefined }) {
  const notices = useNotices();
  const list = notices.data ?? [];
  const only = noticeId ?? (list.length === 1 ? list[0]?.id : undefined);
  if (only !== undefined) {
    // A plain link, like 导出 Excel: the browser downloads with the session cookie.
    return (
      <Button icon={<FileExcelOutlined />} href={annexExportHref(only)}>
        {LABEL}
      </Button>
    );
  }
  return (
    <Dropdown
      disabled={list.length === 0}
      menu={{
        items: list.map((n) => ({
          key: n.id,
          label: <a href={annexExportHref(n.id)}>{n.docNumber ?? n.title}</a>,
        })),
      }}
    >
      <Button icon={<FileExcelOutlined />} loading={notices.isLoading} title={list.length === 0 ? '尚未导入通知' : undefined}>
        {LABEL} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
