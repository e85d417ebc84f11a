import { Card, Col, DatePicker, Form, Input, Row } from 'antd';

const required = (what: string) => [{ required: true, whitespace: true, message: `请填写${what}` }];

/** The bulletin's text as the office edits it: 版头, number, title, addressee, body, signature, date. */
export function BulletinForm() {
  return (
    <Card size="small" title="通报正文" className="bulletin-form">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="issuerMark" label="发文机关标志" rules={required('发文机关标志')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="docNumber" label="文号（期号）" rules={required('文号')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label="标题" rules={required('标题')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="addressee" label="主送">
        <Input maxLength={200} placeholder="例如：各责任单位：" />
      </Form.Item>
      <Form.Item
        name="body"
        label="正文"
        rules={required('正文')}
        extra="每行一段。以“一、”“（一）”“1.”开头的行为各级标题，页面显示和导出 Word 时自动套用公文格式。"
      >
        <Input.TextArea autoSize={{ minRows: 16, maxRows: 48 }} maxLength={50000} className="bulletin-body-input" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="signature" label="署名" rules={required('署名')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="issueDate" label="成文日期" rules={[{ required: true, message: '请选择成文日期' }]}>
            <DatePicker format="YYYY年M月D日" allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
