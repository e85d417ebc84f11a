import { LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { errorMessage } from '../api/client';
import { taskRef } from '../ledger/TaskTags';
import type { ImportResult } from '../notices/types';
import { useRelink, type RelinkResult } from './api';

type Unlinked = RelinkResult['unlinked'][number];

/** Which tasks citing an upper level's numbers (上级序号) were linked to the upper items, which not and why. */
function LinksSummary({ links, afterImport }: { links: RelinkResult; afterImport: boolean }) {
  const { linked, unlinked } = links;
  return (
    <>
      <Alert
        type={unlinked.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        message={`按上级序号关联上级事项：${afterImport ? '' : '本次'}已关联 ${linked} 项${unlinked.length ? `，未关联 ${unlinked.length} 项` : ''}`}
        description={
          unlinked.length === 0
            ? '上级可在“上下级汇总”中看到这些事项的进展。'
            : unlinked.some((u) => u.reason === 'no_upper_ledger')
              ? '未关联的事项仍在本级台账中，照常报送；上级台账导入后，可在“导入通知”页点击“重新关联上级事项”。'
              : '未关联的事项仍在本级台账中，照常报送。'
        }
      />
      {unlinked.length > 0 && (
        <Table<Unlinked>
          size="small"
          rowKey="taskId"
          pagination={unlinked.length > 10 ? { pageSize: 10, size: 'small' } : false}
          dataSource={unlinked}
          style={{ marginBottom: 12 }}
          columns={[
            {
              title: '事项',
              key: 'task',
              width: 160,
              render: (_, u) => <Link to={`/tasks/${u.taskId}`}>{taskRef(u)}</Link>,
            },
            { title: '上级序号', dataIndex: 'upstreamNo', width: 100 },
            { title: '未关联原因', dataIndex: 'reasonLabel' },
          ]}
        />
      )}
    </>
  );
}

/**
 * After an import: the tasks citing upper numbers linked or not (and why); and lower organisations'
 * tasks that this import's items picked up (an upper ledger imported after its districts').
 */
export function UpstreamLinksResult({ result }: { result: ImportResult }) {
  const { linked, unlinked } = result.upstreamLinks;
  const down = result.downstreamLinked;
  if (linked === 0 && unlinked.length === 0 && down === 0) return null;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto 24px' }} data-testid="upstream-links">
      {(linked > 0 || unlinked.length > 0) && <LinksSummary links={result.upstreamLinks} afterImport />}
      {down > 0 && (
        <Alert
          type="info"
          showIcon
          message={`下级机构已导入的事项中，有 ${down} 项按上级序号关联到本通知的事项`}
          description={
            <Typography.Text type="secondary">可在“上下级汇总”中查看这些事项在各下级的进展。</Typography.Text>
          }
        />
      )}
    </div>
  );
}

/**
 * 重新关联上级事项: for an organisation below another, link the tasks citing upper numbers now (the
 * upper ledger was imported after this one's notice). Nothing for a province: there is no level above.
 */
export function RelinkButton() {
  const { me } = useSession();
  const relink = useRelink();
  const [result, setResult] = useState<RelinkResult | null>(null);
  const { message } = App.useApp();
  if (!me || !can(me.role, 'task.write') || me.org.path.length < 2) return null;
  return (
    <>
      <Tooltip title="上级台账导入后，将本级引用上级序号的事项与上级事项关联">
        <Button
          size="small"
          icon={<LinkOutlined />}
          loading={relink.isPending}
          onClick={() =>
            relink.mutate(undefined, {
              onSuccess: (r) => {
                if (r.unlinked.length) setResult(r);
                else if (r.linked) void message.success(`已关联 ${r.linked} 项上级事项`);
                else void message.info('引用上级序号的事项均已关联，无需重新关联');
              },
              onError: (err) => void message.error(errorMessage(err)),
            })
          }
        >
          重新关联上级事项
        </Button>
      </Tooltip>
      <Modal open={result !== null} title="重新关联上级事项" footer={null} onCancel={() => setResult(null)} width={720}>
        {result && <LinksSummary links={result} afterImport={false} />}
      </Modal>
    </>
  );
}
