import { Alert } from 'antd';
import { ApiError, errorMessage } from '../api/client';

/** A failed save inside a form or modal: the server's message, plus its per-field reasons if any. */
export function ErrorAlert({ error }: { error: unknown }) {
  const fields = error instanceof ApiError && error.fields ? Object.entries(error.fields) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      message={errorMessage(error)}
      description={
        fields.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map(([field, reason]) => (
              <li key={field}>
                {field}：{reason}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
