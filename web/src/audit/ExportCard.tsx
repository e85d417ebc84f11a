import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';

/**
 * The auditor takes a range of the log out of the system: as Excel to read, and as a JSON-lines
 * file to keep, which `npx duban verify-audit --file` checks later against the database. The
 * export itself is recorded in the log.
 */
export function ExportCard() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const query = `from=${range[0].format('YYYY-MM-DD')}&to=${range[1].format('YYYY-MM-DD')}`;
  return (
    <Card title="导出审计日志" style={{ marginBottom: 16 }} data-testid="audit-export">
      <Space wrap size="middle">
        <span>日期范围（系统时间）</span>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Button icon={<FileExcelOutlined />} href={`/api/audit/export.xlsx?${query}`}>
          导出 Excel（查阅用）
        </Button>
        <Button type="primary" icon={<DownloadOutlined />} href={`/api/audit/export.jsonl?${query}`}>
          导出校验文件（留存用）
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        校验文件含每条记录的哈希值，留存后可用 <code>npx duban verify-audit --file 文件名</code> 核对是否被改动；每次导出本身也记入审计日志。
      </Typography.Paragraph>
    </Card>
  );
}
