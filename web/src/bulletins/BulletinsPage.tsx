import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { bulletinDocxHref, useBulletins, type BulletinSummary } from './api';
import { cnDate, dateTime } from './format';
import { GenerateBulletinModal } from './GenerateBulletinModal';
import { BulletinStatusTag } from './StatusTag';

const readHref = (b: BulletinSummary) => `/bulletins/${b.id}`;
const editHref = (b: BulletinSummary) => `/office/bulletins/${b.id}`;

function columns(office: boolean): ColumnsType<BulletinSummary> {
  const open = (b: BulletinSummary) => (office && b.status === 'draft' ? editHref(b) : readHref(b));
  const cols: ColumnsType<BulletinSummary> = [
    {
      title: '期号 / 文号',
      dataIndex: 'docNumber',
      width: 200,
      render: (d: string) => <Typography.Text strong>{d}</Typography.Text>,
    },
    { title: '标题', dataIndex: 'title', render: (t: string, b) => <Link to={open(b)}>{t}</Link> },
    { title: '报送期', dataIndex: 'periodLabel', width: 140 },
  ];
  if (office) cols.push({ title: '状态', key: 'status', width: 80, render: (_, b) => <BulletinStatusTag b={b} /> });
  cols.push(
    { title: '成文日期', dataIndex: 'issueDate', width: 130, render: cnDate },
    {
      title: office ? '发布人 / 时间' : '发布时间',
      key: 'published',
      width: 160,
      render: (_, b) =>
        b.publishedAt ? (
          <Space direction="vertical" size={0}>
            {office && <span>{b.publishedByName}</span>}
            <Typography.Text type={office ? 'secondary' : undefined}>{dateTime(b.publishedAt)}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">未发布（{b.createdByName}起草）</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: office ? 170 : 150,
      render: (_, b) => (
        <Space size="middle">
          {office && b.status === 'draft' ? (
            <Link to={editHref(b)}>
              <EditOutlined /> 编辑
            </Link>
          ) : (
            <Link to={readHref(b)}>查看</Link>
          )}
          {/* A plain link: the browser downloads the document with the session cookie. */}
          <Typography.Link href={bulletinDocxHref(b.id)}>
            <DownloadOutlined /> 下载 Word
          </Typography.Link>
        </Space>
      ),
    },
  );
  return cols;
}

/**
 * 督查通报: the office's drafts and published bulletins (with 生成通报), or for everyone else the
 * published bulletins to read.
 */
export default function BulletinsPage() {
  const { me } = useSession();
  const { pathname } = useLocation();
  const list = useBulletins();
  const [generating, setGenerating] = useState(false);
  const office = can(me?.role, 'bulletin.write');
  // The office works on its own page; a shared /bulletins link takes it there.
  if (office && pathname === '/bulletins') return <Navigate to="/office/bulletins" replace />;

  return (
    <>
      <PageHeader
        title="督查通报"
        subtitle={
          office
            ? '根据各单位季度报送情况生成通报初稿，编辑、勾选亮点后发布，各责任单位和区领导即可查看'
            : '区政府督查室发布的督查通报'
        }
        extra={
          office && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGenerating(true)}>
              生成通报
            </Button>
          )
        }
      />
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Card>
        <Table<BulletinSummary>
          rowKey="id"
          // Fixed: the columns keep their widths and the title takes the rest of the row.
          tableLayout="fixed"
          columns={columns(office)}
          dataSource={list.data ?? []}
          loading={list.isPending}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 期` }}
          locale={{ emptyText: office ? '尚无通报。点击“生成通报”，按报送期生成通报初稿。' : '暂无已发布的督查通报' }}
        />
      </Card>
      {generating && <GenerateBulletinModal existing={list.data ?? []} onClose={() => setGenerating(false)} />}
    </>
  );
}
