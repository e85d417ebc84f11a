import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/**
 * 导出汇总表: the period's reports of all units compiled by the server, as Excel (for working) and
 * as an official Word document (for the leaders). Plain links: the browser downloads them with the
 * session cookie.
 */
export function PeriodSummaryButtons({ periodId }: { periodId: number }) {
  return (
    <>
      <Button icon={<FileExcelOutlined />} href={`/api/periods/${periodId}/summary.xlsx`}>
        导出汇总表（Excel）
      </Button>
      <Button icon={<FileWordOutlined />} href={`/api/periods/${periodId}/summary.docx`}>
        导出汇总表（Word）
      </Button>
    </>
  );
}
