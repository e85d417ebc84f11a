import { describeScheme } from '../../core/assessment/describe';
import { GRADES, GRADE_LABELS } from '../../core/assessment/scheme';
import type { RunView } from '../assessment/run-view';
import type { OfficialBlock, OfficialDocument } from '../../core/documents/official-document';
import { chineseDate, renderOfficialDocx } from '../documents/official-docx';

export type AssessmentDocFacts = {
  orgName: string;
  orgLevel: 'province' | 'city' | 'district';
  /** The office as it signs: 新洲区人民政府督查室. */
  signature: string;
  /** The notices the year's tasks come from (title and document number). */
  notices: { title: string; docNumber: string | null }[];
  /** The business date the document is dated. */
  date: string;
};

const GOVERNMENT = { district: '区政府', city: '市政府', province: '省政府' } as const;
const sign = (x: number) => (x > 0 ? `+${x}` : String(x));
const fixed = (x: number) => x.toFixed(2);

/** A notice's title inside 《》: inner book-title marks become 〈〉, stray spaces from the PDF go. */
function citation(n: AssessmentDocFacts['notices'][number]): string {
  const title = n.title.replace(/\s+/g, '').replace(/《/g, '〈').replace(/》/g, '〉');
  return `《${title}》${n.docNumber ? `（${n.docNumber}）` : ''}`;
}

/** The ranking as an official document (公文): what the office sends, every figure from the run. */
export function assessmentDocument(view: RunView, facts: AssessmentDocFacts): OfficialDocument {
  const { run, scores } = view;
  const government = GOVERNMENT[facts.orgLevel];
  const basis = facts.notices.length ? `根据${facts.notices.map(citation).join('、')}要求，` : '';
  const counts = GRADES.map((g) => [g, scores.filter((s) => s.grade === g).length] as const).filter(([, n]) => n > 0);
  const adjusted = scores.filter((s) => s.adjustments.length > 0);
  const vetoed = scores.filter((s) => s.vetoed);

  const blocks: OfficialBlock[] = [
    {
      kind: 'paragraph',
      text: `${basis}${facts.signature}对${scores.length}个责任单位${run.scopeLabel}${government}工作报告目标任务完成情况进行了绩效考核。考核依据截至${chineseDate(run.asOf)}各单位经主要负责人审定报送督查室的报告。现将考核结果通报如下。`,
    },
    { kind: 'heading1', text: '一、考核办法' },
    ...describeScheme(run.scheme).map((text) => ({ kind: 'paragraph' as const, text })),
    { kind: 'heading1', text: '二、考核结果' },
    {
      kind: 'paragraph',
      text: `参加考核的责任单位共${scores.length}个，其中${counts.map(([g, n]) => `${GRADE_LABELS[g]}${n}个`).join('、')}。各单位得分及排名如下。`,
    },
    {
      kind: 'table',
      caption: `${run.scopeLabel}绩效考核得分及排名`,
      // Figures (20.00) must not wrap in 12 pt cells; a long unit name may take two lines.
      columns: [
        { header: '名次', width: 1.5 },
        { header: '单位', width: 6 },
        { header: '报送', width: 2.9 },
        { header: '完成', width: 2.9 },
        { header: '质量', width: 2.9 },
        { header: '加分', width: 2.5 },
        { header: '调整', width: 2.5 },
        { header: '总分', width: 2.9 },
        { header: '等次', width: 2.5 },
      ],
      rows: scores.map((s) => [
        String(s.rank),
        s.unitName,
        fixed(s.reporting),
        fixed(s.completion),
        fixed(s.quality),
        fixed(s.bonus),
        s.adjustment ? sign(s.adjustment) : '—',
        fixed(s.final),
        s.gradeLabel,
      ]),
    },
    { kind: 'heading1', text: '三、有关说明' },
    ...vetoed.map((s) => ({ kind: 'paragraph' as const, text: `${s.unitName}被一票否决（${s.vetoReason ?? ''}），总分计0分，等次为不合格。` })),
    ...adjusted.map((s) => ({
      kind: 'paragraph' as const,
      text: `${s.unitName}得分调整${sign(s.adjustment)}分：${s.adjustments.map((a) => `${sign(a.delta)}分，${a.reason.replace(/[。；;]+$/, '')}`).join('；')}。`,
    })),
    {
      kind: 'paragraph',
      text: '各单位每项得分所依据的报告、事项和指标详见同时导出的绩效考核结果Excel表“明细”工作表。',
    },
  ];
  return {
    issuerMark: facts.signature,
    title: `${facts.orgName}${run.scopeLabel}${government}工作报告目标任务绩效考核结果`,
    addressee: '各责任单位：',
    blocks,
    signature: facts.signature,
    date: facts.date,
  };
}

export function renderAssessmentDocx(view: RunView, facts: AssessmentDocFacts): Promise<Buffer> {
  return renderOfficialDocx(assessmentDocument(view, facts));
}
