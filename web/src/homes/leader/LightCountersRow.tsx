import { RightOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { Link } from 'react-router';
import { ledgerLink, type LightCounts } from '../../dashboard/api';
import { LIGHT_LABELS, LIGHT_ORDER } from '../../dashboard/lights';

// Dark enough on white for 4.5:1 (the lights' chart colours are not: gold is 2:1).
const TEXT_COLORS = { red: '#c41d1f', yellow: '#874d00', green: '#237804', blue: '#0958d9', grey: '#595959' } as const;

/**
 * The phone's light counters: the leader's tasks by light in one row, worst first, each a link to
 * those tasks in the ledger, then the whole portfolio — in place of the desktop's paged table.
 */
export function LightCountersRow({ leaderId, counts }: { leaderId: number; counts: LightCounts }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="light-counters" styles={{ body: { padding: 8 } }}>
      <nav aria-label="分管事项灯色统计" className="leader-light-row">
        {LIGHT_ORDER.map((l) => (
          <Link key={l} to={ledgerLink({ leaderId, light: l })} className="leader-light-counter">
            <span className="leader-light-count" style={{ color: TEXT_COLORS[l] }}>
              {counts[l]}
            </span>
            <span className="leader-light-label">{LIGHT_LABELS[l]}</span>
          </Link>
        ))}
      </nav>
      <Link to={ledgerLink({ leaderId })} className="leader-portfolio-link" data-testid="portfolio-link">
        全部分管事项 {counts.total} 项
        <RightOutlined aria-hidden style={{ fontSize: 12 }} />
      </Link>
    </Card>
  );
}
