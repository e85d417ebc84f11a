import { Col, Row } from 'antd';
import type { BulletinFigures } from './api';
import { BehindFigure } from './BehindFigure';
import { CompletedFigure } from './CompletedFigure';
import { LightsFigure } from './LightsFigure';
import { ReportingFigure } from './ReportingFigure';

/**
 * The figures behind a bulletin's text, each traceable to the tasks and reports it counts. One
 * column beside the editor; two under the reading page.
 */
export function FiguresPanel({ f, columns = 1 }: { f: BulletinFigures; columns?: 1 | 2 }) {
  const span = columns === 2 ? { xs: 24, xl: 12 } : { span: 24 };
  return (
    <Row gutter={[16, 16]}>
      <Col {...span}>
        <LightsFigure f={f} />
      </Col>
      <Col {...span}>
        <ReportingFigure f={f} />
      </Col>
      <Col {...span}>
        <CompletedFigure f={f} />
      </Col>
      <Col {...span}>
        <BehindFigure f={f} />
      </Col>
    </Row>
  );
}
