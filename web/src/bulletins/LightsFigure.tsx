import { Card, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { LIGHT_COLORS, LIGHT_HINTS, LIGHT_LABELS, LIGHT_ORDER } from '../dashboard/lights';
import type { BulletinFigures } from './api';
import { cnDate } from './format';

/**
 * The period's tasks by light, as counted when the bulletin's figures were read. Each count opens
 * the ledger on that light: the ledger shows today's lights, so the tooltip says so.
 */
export function LightsFigure({ f }: { f: BulletinFigures }) {
  const c = f.lights.counts;
  return (
    <Card
      size="small"
      title="事项红黄绿灯"
      extra={
        <Typography.Text type="secondary">
          共 {c.total} 项 · 截至{cnDate(f.asOf)}
        </Typography.Text>
      }
      className="bulletin-figure"
      data-testid="figure-lights"
    >
      <div className="bulletin-lights">
        {LIGHT_ORDER.map((l) => (
          <Tooltip key={l} title={`${LIGHT_HINTS[l]}。点击在台账中查看当前为${LIGHT_LABELS[l]}的事项`}>
            <Link
              to={`/ledger?light=${l}&noticeId=${f.notice.id}`}
              className="bulletin-light"
              style={{ borderTopColor: LIGHT_COLORS[l] }}
              data-testid={`figure-light-${l}`}
            >
              <span className="bulletin-light-label">{LIGHT_LABELS[l]}</span>
              <span className="bulletin-light-count" style={{ color: LIGHT_COLORS[l] }}>
                {c[l]}
              </span>
              <span className="bulletin-light-unit">项</span>
            </Link>
          </Tooltip>
        ))}
      </div>
    </Card>
  );
}
