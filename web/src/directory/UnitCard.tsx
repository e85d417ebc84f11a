import { BankOutlined } from '@ant-design/icons';
import { Card, Descriptions, Empty, List, Skeleton, Tag } from 'antd';
import type { Me } from '../api/types';
import { QueryError } from '../layout/QueryError';
import { ROLE_COLORS } from '../roles';
import { useUnit } from './api';

/** "My unit": its name, the spellings the notices use, and who works on its reports. */
export function UnitCard({ me }: { me: Me }) {
  const { data: unit, isPending, error, refetch } = useUnit(me.unit?.id);

  if (!me.unit) {
    return (
      <Card title="本单位">
        <Empty description="您的账号尚未关联单位，请联系系统管理员。" />
      </Card>
    );
  }

  return (
    <Card
      title={
        <span>
          <BankOutlined style={{ marginRight: 8 }} />
          本单位：{me.unit.name}
        </span>
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {isPending && !error ? (
        <Skeleton active />
      ) : unit ? (
        <>
          <Descriptions
            column={1}
            size="small"
            style={{ marginBottom: 16 }}
            items={[
              { key: 'name', label: '单位名称', children: unit.name },
              {
                key: 'aliases',
                label: '别名',
                children: unit.aliases.length ? unit.aliases.map((a) => <Tag key={a}>{a}</Tag>) : '—',
              },
              { key: 'org', label: '所属', children: me.org.path.map((o) => o.name).join(' / ') || me.org.name },
            ]}
          />
          <List
            size="small"
            header={<strong>本单位人员（{unit.people.length}）</strong>}
            bordered
            dataSource={unit.people}
            locale={{ emptyText: '暂无人员' }}
            renderItem={(p) => (
              <List.Item>
                <span>
                  {p.displayName}
                  {String(p.id) === String(me.id) && <Tag style={{ marginLeft: 8 }}>本人</Tag>}
                </span>
                <Tag color={ROLE_COLORS[p.role] ?? 'default'}>{p.roleLabel}</Tag>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
