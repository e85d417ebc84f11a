import { Alert, Card, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { DocumentFactsInput } from '../../../core/api/notices';
import type { MissingFact, NoticePreview } from './types';

export type DocumentFacts = DocumentFactsInput;

const LABELS: Record<MissingFact, string> = {
  docNumber: '文号',
  title: '标题',
  issuer: '发文单位',
  issuedDate: '发文日期',
  year: '年度',
};

/** The facts the form starts with: the office's defaults (from the server) for each fact the notice lacks. */
export function initialFacts(preview: NoticePreview): DocumentFacts {
  const d = preview.documentDefaults;
  const out: DocumentFacts = {};
  for (const fact of preview.parsed.missingFacts ?? []) {
    if (fact === 'docNumber') out.docNumber = null;
    else out[fact] = d[fact] as never;
  }
  return out;
}

/** The required facts still empty (文号 may stay empty: a notice may have none). */
export function factsMissing(preview: NoticePreview, facts: DocumentFacts): string[] {
  return (preview.parsed.missingFacts ?? [])
    .filter((f) => f !== 'docNumber')
    .filter((f) => {
      const v = facts[f];
      return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    })
    .map((f) => LABELS[f]);
}

interface Props {
  preview: NoticePreview;
  facts: DocumentFacts;
  onChange: (facts: DocumentFacts) => void;
}

/**
 * 补充通知信息: the notice printed no 文号, title, issuer, date or year (text copied from a web page,
 * a Word body). Never a reason to refuse: the office fills in exactly what is missing, prefilled with
 * its own defaults, and the import stores it.
 */
export function DocumentFactsForm({ preview, facts, onChange }: Props) {
  const missing = preview.parsed.missingFacts ?? [];
  if (missing.length === 0) return null;
  const set = (patch: DocumentFacts) => onChange({ ...facts, ...patch });
  const text = (v: string) => v.replace(/^\s+/, '');
  const item = (fact: MissingFact, input: ReactNode, extra?: ReactNode) => (
    <Form.Item
      key={fact}
      label={LABELS[fact]}
      htmlFor={`fact-${fact}`}
      required={fact !== 'docNumber'}
      validateStatus={fact !== 'docNumber' && factsMissing(preview, facts).includes(LABELS[fact]) ? 'error' : undefined}
      help={
        fact !== 'docNumber' && factsMissing(preview, facts).includes(LABELS[fact])
          ? `请填写${LABELS[fact]}`
          : undefined
      }
      extra={extra}
    >
      {input}
    </Form.Item>
  );
  return (
    <Card size="small" title="补充通知信息" className="document-facts-card">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        这份通知没有写明以下信息（常见于从网页或 Word 正文复制的通知），请核对系统预填的内容，需要时修改后再导入。
      </Typography.Paragraph>
      <Form layout="vertical" className="document-facts-form">
        {missing.includes('title') &&
          item(
            'title',
            <Input
              id="fact-title"
              maxLength={200}
              value={facts.title ?? ''}
              onChange={(e) => set({ title: text(e.target.value) })}
            />,
          )}
        {missing.includes('issuer') &&
          item(
            'issuer',
            <Input
              id="fact-issuer"
              maxLength={100}
              value={facts.issuer ?? ''}
              onChange={(e) => set({ issuer: text(e.target.value) })}
            />,
          )}
        {missing.includes('issuedDate') &&
          item(
            'issuedDate',
            <DatePicker
              id="fact-issuedDate"
              allowClear={false}
              format="YYYY-MM-DD"
              value={facts.issuedDate ? dayjs(facts.issuedDate) : null}
              onChange={(d) => set({ issuedDate: d ? d.format('YYYY-MM-DD') : undefined })}
            />,
          )}
        {missing.includes('year') &&
          item(
            'year',
            <InputNumber
              id="fact-year"
              min={2000}
              max={2100}
              precision={0}
              value={facts.year ?? null}
              onChange={(v) => set({ year: v ?? undefined })}
              addonAfter="年"
            />,
            '任务的完成时限（如“6月底前”）按这一年计算',
          )}
        {missing.includes('docNumber') &&
          item(
            'docNumber',
            <Input
              id="fact-docNumber"
              maxLength={60}
              placeholder="没有文号可不填"
              value={facts.docNumber ?? ''}
              onChange={(e) => set({ docNumber: e.target.value.trim() === '' ? null : text(e.target.value) })}
            />,
          )}
      </Form>
      {missing.includes('docNumber') && !facts.docNumber && (
        <Alert
          type="info"
          showIcon
          message="没有文号也可以导入"
          description="但以后再次导入这份通知（例如修订版）时，系统无法按文号认出它，会作为另一份新通知导入，不会显示差异对比。有文号的，建议填上。"
        />
      )}
    </Card>
  );
}
