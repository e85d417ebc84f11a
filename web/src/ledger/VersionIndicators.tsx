import { Typography } from 'antd';
import { targetWording } from '../../../core/notice/indicator-fields';

/** An indicator as a task version keeps it (task_versions.indicators_json). */
type Kept = { id: number; name: string; target: number; unit: string; qualifier: string | null };

/** A version's indicators are stored as JSON: read them defensively (an old version may have none). */
export function keptIndicators(json: unknown): Kept[] {
  return Array.isArray(json)
    ? (json as Kept[]).filter((i) => i && typeof i.name === 'string' && typeof i.target === 'number')
    : [];
}

const wording = (i: Kept) => `${i.name} ${targetWording(i)}`;

/** Whether a version renamed, retargeted, added or removed an indicator (false for the first version). */
export function indicatorsChanged(current: unknown, previous: unknown): boolean {
  if (previous === undefined) return false;
  const words = (json: unknown) => JSON.stringify(keptIndicators(json).map((i) => [i.id, wording(i)]));
  return words(current) !== words(previous);
}

/**
 * The indicators of one version against the version before it: what was renamed or retargeted as
 * before → after; the first version lists them all. So a correction of 即新增公共停车位 reads as such.
 */
export function VersionIndicators({ current, previous }: { current: unknown; previous: unknown }) {
  const now = keptIndicators(current);
  if (previous === undefined) {
    if (now.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
    return (
      <ul className="version-indicators">
        {now.map((i) => (
          <li key={i.id}>{wording(i)}</li>
        ))}
      </ul>
    );
  }
  const before = new Map(keptIndicators(previous).map((i) => [i.id, i]));
  const changed = now.filter((i) => {
    const b = before.get(i.id);
    return !b || wording(b) !== wording(i);
  });
  const gone = [...before.values()].filter((b) => !now.some((i) => i.id === b.id));
  if (changed.length === 0 && gone.length === 0)
    return <Typography.Text type="secondary">未变（{now.length} 项）</Typography.Text>;
  return (
    <ul className="version-indicators">
      {changed.map((i) => {
        const b = before.get(i.id);
        return (
          <li key={i.id}>
            {b ? (
              <>
                <span className="task-version-before">{wording(b)}</span> → <strong>{wording(i)}</strong>
              </>
            ) : (
              <>新增：{wording(i)}</>
            )}
          </li>
        );
      })}
      {gone.map((b) => (
        <li key={`gone-${b.id}`}>
          删除：<span className="task-version-before">{wording(b)}</span>
        </li>
      ))}
    </ul>
  );
}
