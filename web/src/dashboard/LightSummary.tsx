import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { type LightCounts } from './api';
import { useLedgerLink } from './year';
import { LIGHT_COLORS, LIGHT_HINTS, LIGHT_LABELS, LIGHT_ORDER, pct, share } from './lights';

/** One card per light: the count, its share of all tasks, and a click through to those tasks in the ledger. */
export function LightSummary({ counts }: { counts: LightCounts }) {
  const toLedger = useLedgerLink();
  return (
    <Row gutter={[16, 16]} wrap>
      {LIGHT_ORDER.map((l) => (
        <Col key={l} flex="1 1 180px">
          <Tooltip title={`${LIGHT_HINTS[l]}。点击在台账中查看`}>
            <Link
              to={toLedger({ light: l })}
              data-testid={`light-card-${l}`}
              aria-label={`${LIGHT_LABELS[l]} ${counts[l]} 项`}
            >
              <Card
                hoverable
                size="small"
                className="dashboard-light-card"
                style={{ borderTop: `3px solid ${LIGHT_COLORS[l]}` }}
              >
                <Statistic
                  title={
                    <span>
                      <span className="dashboard-light-dot" style={{ background: LIGHT_COLORS[l] }} />
                      {LIGHT_LABELS[l]}
                    </span>
                  }
                  value={counts[l]}
                  suffix="项"
                  valueStyle={{ color: LIGHT_COLORS[l], fontWeight: 600 }}
                />
                <Typography.Text type="secondary">占 {pct(share(counts[l], counts.total))}</Typography.Text>
              </Card>
            </Link>
          </Tooltip>
        </Col>
      ))}
    </Row>
  );
}
