import { Tag, Tooltip } from 'antd';
import type { Light } from './api';
import { LIGHT_LABELS, LIGHT_TAG_COLORS } from './lights';
import './light-tag.css';

/** The light as a Tag; hovering shows why (the reasons the rule found). */
export function LightTag({ light, reasons }: { light: Light; reasons: string[] }) {
  const tag = (
    <Tag color={LIGHT_TAG_COLORS[light]} className={`light-tag-${light}`}>
      {LIGHT_LABELS[light]}
    </Tag>
  );
  if (reasons.length === 0) return tag;
  return (
    <Tooltip
      title={
        <ul className="dashboard-reasons">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      }
    >
      {tag}
    </Tooltip>
  );
}
