import { Alert, Button } from 'antd';
import { errorMessage } from '../api/client';

/** How every page says a load failed: the server's own Chinese message and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      message="数据加载失败"
      description={errorMessage(error)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
