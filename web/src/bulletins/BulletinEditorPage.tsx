import { Skeleton } from 'antd';
import { Navigate, useParams } from 'react-router';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useBulletin } from './api';
import { BulletinEditor } from './BulletinEditor';
import './bulletins.css';

/** /office/bulletins/:id — a draft in the editor; a published bulletin is only read. */
export default function BulletinEditorPage() {
  const id = Number(useParams().id);
  const query = useBulletin(id, { editing: true });
  const b = query.data;
  if (b?.status === 'published') return <Navigate to={`/bulletins/${id}`} replace />;
  if (!b) {
    return (
      <>
        <PageHeader title="编辑通报" />
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )}
      </>
    );
  }
  // key: a different bulletin (or a reload after a conflict) starts the form afresh.
  return <BulletinEditor key={b.id} saved={b} reload={async () => (await query.refetch()).data} />;
}
