import { Alert, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { FORMAT_LABELS, formatBytes } from './labels';
import { translateAnomaly } from './messages';
import type { DocumentFacts } from './DocumentFactsForm';
import type { NoticePreview } from './types';

const date = (d: string | null) => (d ? dayjs(d).format('YYYY年M月D日') : '未识别');
const filled = (text: string) => (
  <>
    {text} <Tag color="geekblue">补充</Tag>
  </>
);

/**
 * The document facts as the parser read them (with what the office filled in for those the notice
 * lacks, marked 补充), and what the parser found odd about the notice as a whole.
 */
export function NoticeFacts({ preview, facts = {} }: { preview: NoticePreview; facts?: DocumentFacts }) {
  const { document: doc } = preview.parsed;
  const missing = new Set(preview.parsed.missingFacts ?? []);
  // Notice-level anomalies and each annex's own, in the order a clerk reads the paper.
  const anomalies = [
    ...preview.parsed.anomalies.map(translateAnomaly),
    ...preview.parsed.annexes.flatMap((a) =>
      a.anomalies.map((x) => {
        const text = translateAnomaly(x);
        return text.startsWith('附件') ? text : `附件${a.no}：${text}`;
      }),
    ),
  ];
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginBottom: 16, background: '#fff' }}
        items={[
          {
            key: 'doc',
            label: '文号',
            children:
              doc.docNumber ??
              (facts.docNumber ? filled(facts.docNumber) : missing.has('docNumber') ? '无' : <Tag color="red">未识别</Tag>),
          },
          { key: 'issuer', label: '发文机关', children: doc.issuer ?? (facts.issuer ? filled(facts.issuer) : '未识别') },
          {
            key: 'date',
            label: '成文日期',
            children: doc.issuedDate ? date(doc.issuedDate) : facts.issuedDate ? filled(date(facts.issuedDate)) : '未识别',
          },
          {
            key: 'title',
            label: '标题',
            span: { xs: 1, md: 2, xl: 3 },
            children: doc.title ?? (facts.title ? filled(facts.title) : '未识别'),
          },
          {
            key: 'deadlines',
            label: '报送期限',
            span: { xs: 1, md: 2, xl: 2 },
            children: doc.reportingDeadlines.length
              ? doc.reportingDeadlines.map((d) => <Tag key={d}>{date(d)}前</Tag>)
              : '未识别',
          },
          { key: 'to', label: '报送对象', children: doc.reportTo ?? '未识别' },
          {
            key: 'file',
            label: '文件',
            span: { xs: 1, md: 2, xl: 3 },
            children: `${preview.file.name}（${FORMAT_LABELS[preview.file.format] ?? preview.file.format}，${formatBytes(preview.file.size)}）`,
          },
        ]}
      />
      {anomalies.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`解析中发现 ${anomalies.length} 处需要留意的情况（已按规则处理，请对照原文核实）`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {anomalies.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
