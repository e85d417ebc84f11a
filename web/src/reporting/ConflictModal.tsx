import { Button, Col, Descriptions, Modal, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { PROGRESS_STATUS_LABELS } from '../../../core/reporting/states';
import type { ConflictCurrent, ProgressValues } from './api';

type Entry = Pick<ProgressValues, 'status' | 'narrative' | 'problems' | 'nextSteps'>;

const FIELDS: { key: keyof Entry; label: string }[] = [
  { key: 'status', label: '推进状态' },
  { key: 'narrative', label: '进展情况' },
  { key: 'problems', label: '存在问题' },
  { key: 'nextSteps', label: '下步打算' },
];

/** One version; the fields that differ from the other version are highlighted. */
function Side({ title, v, other, note }: { title: string; v: Entry; other: Entry; note: string }) {
  const show = (key: keyof Entry) => {
    if (key === 'status') return PROGRESS_STATUS_LABELS[v.status];
    const s = v[key];
    return s.trim() ? (
      <span style={{ whiteSpace: 'pre-wrap' }}>{s}</span>
    ) : (
      <Typography.Text type="secondary">（未填写）</Typography.Text>
    );
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {note}
      </Typography.Paragraph>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
        {FIELDS.map(({ key, label }) => (
          <Descriptions.Item
            key={key}
            label={label}
            styles={v[key] !== other[key] ? { content: { background: '#fffbe6' } } : undefined}
          >
            {show(key)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}

/**
 * 他人已修改此事项: someone saved this entry after the clerk loaded it. Both versions side by side;
 * nothing is overwritten until the clerk chooses.
 */
export function ConflictModal({
  seq,
  theirs,
  mine,
  onResolve,
}: {
  seq: string;
  theirs: ConflictCurrent;
  mine: ProgressValues;
  onResolve: (choice: 'theirs' | 'mine') => void;
}) {
  const who = theirs.updatedByName ?? '其他人员';
  return (
    <Modal
      open
      width={1040}
      title={`他人已修改此事项 · 第${seq}项`}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={[
        <Button key="theirs" onClick={() => onResolve('theirs')}>
          采用对方版本
        </Button>,
        <Button key="mine" type="primary" onClick={() => onResolve('mine')}>
          保留我的修改
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        在您编辑期间，{who}于 {dayjs(theirs.updatedAt).format('M月D日 HH:mm')} 保存了此事项。请对照两个版本后选择：
        “采用对方版本”将放弃您的本次修改；“保留我的修改”将以您改动的内容覆盖对方相应内容（您未改动的内容保留对方版本）。黄色底为两个版本不同之处。
      </Typography.Paragraph>
      <Row gutter={24}>
        <Col span={12}>
          <Side
            title={`对方版本（${who}）`}
            v={theirs}
            other={mine}
            note={`保存于 ${dayjs(theirs.updatedAt).format('YYYY-MM-DD HH:mm')}`}
          />
        </Col>
        <Col span={12}>
          <Side title="我的修改" v={mine} other={theirs} note="尚未保存" />
        </Col>
      </Row>
    </Modal>
  );
}
