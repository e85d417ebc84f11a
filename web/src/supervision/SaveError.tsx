import { Alert } from 'antd';
import { ApiError, errorMessage } from '../api/client';
import { inChinese } from './messages';

/** A refused save on a settings card: the server's message, its English validator details in Chinese. */
export function SaveError({ error }: { error: unknown }) {
  const fields = error instanceof ApiError && error.fields ? Object.entries(error.fields) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={inChinese(errorMessage(error))}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map(([field, reason]) => (
              <li key={field}>{inChinese(`${field}: ${reason}`)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
