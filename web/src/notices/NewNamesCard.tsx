import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useId } from 'react';
import { useLeaders, useUnits } from '../directory/api';
import type { NameChoice, NameChoices } from './name-choices';
import type { NewName } from './types';

interface Props {
  /** The new names the tasks still carry (name-choices.ts newNamesInUse). */
  names: { units: NewName[]; leaders: NewName[] };
  choices: NameChoices;
  onChoose: (kind: keyof NameChoices, name: string, choice: NameChoice | null) => void;
}

/** "附件1第6项" for a task key "1/6" ("附件1 (32)" for "1/(32)") (a repeated number's "#2" dropped: the clerk reads the number). */
function where(keys: string[]): string {
  const shown = keys.slice(0, 3).map((k) => {
    const [annex, seq] = k.replace(/#\d+$/, '').split('/');
    return /^\d+$/.test(seq ?? '') ? `附件${annex}第${seq}项` : `附件${annex} ${seq}`;
  });
  return `${shown.join('、')}${keys.length > 3 ? ` 等 ${keys.length} 项` : ''}`;
}

function NameRow(props: {
  entry: NewName;
  kind: keyof NameChoices;
  existing: string[];
  choice: NameChoice | undefined;
  onChoose: Props['onChoose'];
}) {
  const { entry, kind, existing, choice, onChoose } = props;
  const what = kind === 'units' ? '单位' : '领导';
  const nameId = `new-${kind}-${useId()}`;
  // The most alike existing name first: a spelling variant is usually that one.
  const ordered = entry.suggestion ? [entry.suggestion, ...existing.filter((n) => n !== entry.suggestion)] : existing;
  return (
    <div className="new-name-row" data-name={entry.name}>
      <div className="new-name-what">
        <Typography.Text strong id={nameId}>
          {entry.name}
        </Typography.Text>
        {entry.printed.length > 0 && (
          <Typography.Text type="secondary">（原文：{entry.printed.join('、')}）</Typography.Text>
        )}
        <div>
          <Typography.Text type="secondary">见 {where(entry.tasks)}</Typography.Text>
        </div>
      </div>
      <div className="new-name-choice">
        {choice ? (
          <Space wrap>
            {choice.kind === 'new' ? (
              <Tag color="success">导入时新增此{what}</Tag>
            ) : (
              <Tag color="success">
                对应到已有{what}：{choice.to}
              </Tag>
            )}
            <Button size="small" onClick={() => onChoose(kind, entry.name, null)}>
              撤销
            </Button>
          </Space>
        ) : (
          <Space wrap>
            <Button size="small" onClick={() => onChoose(kind, entry.name, { kind: 'new' })} aria-describedby={nameId}>
              新增
            </Button>
            <Select<string>
              size="small"
              showSearch
              style={{ minWidth: 200 }}
              placeholder={`对应到已有${what}`}
              aria-label={`将${entry.name}对应到已有${what}`}
              options={ordered.map((n) => ({ value: n, label: n === entry.suggestion ? `${n}（相近）` : n }))}
              onChange={(to) => onChoose(kind, entry.name, { kind: 'map', to })}
            />
          </Space>
        )}
      </div>
    </div>
  );
}

/**
 * 新单位和新领导: names in the notice that are not in the directory yet. The import creates each as
 * new unless the office maps it to an existing one (a spelling variant); either is one click.
 */
export function NewNamesCard({ names, choices, onChoose }: Props) {
  const units = useUnits();
  const leaders = useLeaders();
  const { units: newUnits, leaders: newLeaders } = names;
  if (newUnits.length === 0 && newLeaders.length === 0) return null;
  const section = (kind: keyof NameChoices, list: NewName[], existing: string[], title: string) =>
    list.length > 0 && (
      <section aria-label={title}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {title}（{list.length}）
        </Typography.Title>
        {list.map((entry) => (
          <NameRow
            key={entry.name}
            entry={entry}
            kind={kind}
            existing={existing}
            choice={choices[kind][entry.name]}
            onChoose={onChoose}
          />
        ))}
      </section>
    );
  return (
    <Card size="small" title="名录中还没有的单位和领导" className="new-names-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        确是新单位的，点“新增”，导入时建立；是已有单位的另一种写法的，选“对应到已有单位”，相关任务都记到已有单位下，以后的通知也能自动认出这种写法。
      </Typography.Paragraph>
      {section(
        'units',
        newUnits,
        (units.data ?? []).map((u) => u.name),
        '新单位',
      )}
      {section(
        'leaders',
        newLeaders,
        (leaders.data ?? []).map((l) => l.name),
        '新领导',
      )}
    </Card>
  );
}
