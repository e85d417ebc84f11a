import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { App, Card, Space, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { QueryError } from '../layout/QueryError';
import { SaveError } from './SaveError';

/**
 * A settings card that is one switch (系统设置): reads the setting, saves it on toggle, says what
 * changed, shows a refused save. `checked` reads the switch off the setting, `value` writes it back,
 * with the version of the setting the switch shows (a save after someone else's is refused).
 */
export function SwitchSettingCard<T extends { version: number }>({
  title,
  testId,
  switchId,
  label,
  description,
  query,
  save,
  checked,
  value,
  saidOn,
  saidOff,
}: {
  title: string;
  testId: string;
  switchId: string;
  label: string;
  description: ReactNode;
  query: UseQueryResult<T>;
  save: UseMutationResult<T, Error, T>;
  checked: (setting: T | undefined) => boolean;
  value: (on: boolean) => Omit<T, 'version'>;
  saidOn: string;
  saidOff: string;
}) {
  const { message } = App.useApp();
  const change = async (on: boolean) => {
    save.reset();
    await save.mutateAsync({ ...value(on), version: query.data?.version ?? 0 } as T);
    void message.success(on ? saidOn : saidOff);
  };
  return (
    <Card title={title} loading={query.isPending} data-testid={testId}>
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {save.error && <SaveError error={save.error} />}
      <Space align="start" size={12}>
        <Switch
          id={switchId}
          checked={checked(query.data)}
          loading={save.isPending}
          checkedChildren="开"
          unCheckedChildren="关"
          onChange={(v) => void change(v).catch(() => undefined)}
        />
        <div>
          <label htmlFor={switchId}>
            <Typography.Text strong>{label}</Typography.Text>
          </label>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {description}
          </Typography.Paragraph>
        </div>
      </Space>
    </Card>
  );
}
