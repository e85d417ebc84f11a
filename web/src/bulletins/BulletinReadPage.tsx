import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { bulletinListPath } from './access';
import { bulletinDocxHref, useBulletin } from './api';
import { BulletinPaper } from './BulletinPaper';
import { FiguresPanel } from './FiguresPanel';
import { dateTime } from './format';
import './bulletins.css';

/**
 * /bulletins/:id — the bulletin as a document, for everyone who may read it (the notification of a
 * published bulletin links here). The office also sees its drafts here (预览) and the figures below.
 */
export default function BulletinReadPage() {
  const id = Number(useParams().id);
  const { me } = useSession();
  const navigate = useNavigate();
  const query = useBulletin(id);
  const b = query.data;
  const office = can(me?.role, 'bulletin.write');

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(bulletinListPath(me?.role))}>
      返回通报列表
    </Button>
  );
  if (!b) {
    return (
      <>
        <PageHeader title="督查通报" extra={back} />
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )}
      </>
    );
  }

  const draft = b.status === 'draft';
  return (
    <>
      <PageHeader
        title={b.docNumber}
        subtitle={
          draft
            ? `${b.periodLabel} · 草稿（预览），尚未发布`
            : `${b.periodLabel} · ${b.publishedByName ?? '督查室'}发布于 ${b.publishedAt ? dateTime(b.publishedAt) : ''}`
        }
        extra={
          <Space wrap>
            {back}
            {office && draft && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/office/bulletins/${b.id}`)}>
                继续编辑
              </Button>
            )}
            {/* A plain link: the browser downloads the document with the session cookie. */}
            <Button type="primary" icon={<DownloadOutlined />} href={bulletinDocxHref(b.id)}>
              下载 Word
            </Button>
          </Space>
        }
      />
      {draft && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="这是尚未发布的草稿，仅督查室可见。发布后各责任单位和区领导才能查看。"
        />
      )}
      <BulletinPaper b={b} />
      {office && (
        <section className="bulletin-figures-below" data-testid="bulletin-figures">
          <Typography.Title level={4}>通报数据</Typography.Title>
          <Typography.Paragraph type="secondary">
            通报中的各项数字均来自下列报告和事项，点击可查看原始报告和台账。
          </Typography.Paragraph>
          <FiguresPanel f={b.figures} columns={2} />
        </section>
      )}
    </>
  );
}
