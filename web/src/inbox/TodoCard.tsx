import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, List, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { QueryError } from '../layout/QueryError';
import { useTodos } from './api';
import { linkFor } from './links';

/**
 * 待办事项: what is waiting for the signed-in person, each a link to where it is done. `compact` (a
 * leader's phone): with nothing waiting, one line instead of a card-high picture above his red tasks.
 */
export function TodoCard({ compact = false }: { compact?: boolean }) {
  const { me } = useSession();
  const todos = useTodos();
  const navigate = useNavigate();
  const items = todos.data ?? [];
  if (compact && todos.isSuccess && items.length === 0)
    return (
      <Card size="small" style={{ marginBottom: 12 }} data-testid="todo-card">
        <Typography.Text>
          <CheckCircleOutlined style={{ color: '#237804', marginInlineEnd: 8 }} aria-hidden />
          待办事项：暂无
        </Typography.Text>
      </Card>
    );
  return (
    <Card
      size="small"
      title={
        <span>
          待办事项 <Badge count={items.length} style={{ marginInlineStart: 4 }} />
        </span>
      }
      loading={todos.isPending}
      style={{ marginBottom: 16 }}
      data-testid="todo-card"
    >
      {todos.error && <QueryError error={todos.error} onRetry={() => void todos.refetch()} />}
      {items.length === 0 && !todos.error ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 36, color: '#52c41a' }} />}
          styles={{ image: { height: 40 } }}
          description="暂无待办事项"
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          // A busy office can have dozens of reports waiting: page them so the dashboard stays in view.
          pagination={items.length > 5 ? { pageSize: 5, size: 'small', showSizeChanger: false } : false}
          renderItem={(t) => {
            const to = me ? linkFor(t.link, me.role) : null;
            return (
              <List.Item
                style={{ cursor: to ? 'pointer' : undefined }}
                onClick={() => to && navigate(to)}
                extra={to ? <RightOutlined style={{ color: '#bfbfbf' }} /> : undefined}
              >
                <List.Item.Meta
                  title={t.title}
                  description={
                    t.detail ? (
                      <Typography.Text type="secondary" ellipsis={{ tooltip: t.detail }}>
                        {t.detail}
                      </Typography.Text>
                    ) : undefined
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
