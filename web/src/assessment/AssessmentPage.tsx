import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Select, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { GRADES, GRADE_LABELS } from '../../../core/assessment/scheme';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { exportHref, useAdjust, useAssessmentOptions, useLatestRun, useRevokeVeto, useRunAssessment, useVeto, useVetoes, type Score } from './api';
import { RankingTable } from './RankingTable';
import { RunModal } from './RunModal';
import { SchemeCard } from './SchemeCard';
import { AdjustModal, VetoModal } from './ScoreModals';
import './assessment.css';

/** 绩效考核: the office configures the year's scheme, runs it, adjusts, vetoes and exports; leaders read. */
export default function AssessmentPage() {
  const { me } = useSession();
  const { message } = App.useApp();
  const canManage = can(me?.role, 'assessment.manage');
  const options = useAssessmentOptions();
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? options.data?.years[0]?.year ?? options.data?.currentYear ?? new Date().getFullYear();
  const latest = useLatestRun(year);
  const vetoes = useVetoes(year);
  const run = useRunAssessment(year);
  const adjust = useAdjust(year);
  const veto = useVeto(year);
  const revoke = useRevokeVeto(year);
  const [running, setRunning] = useState(false);
  const [adjusting, setAdjusting] = useState<Score | null>(null);
  const [vetoing, setVetoing] = useState<Score | null>(null);
  const view = latest.data;

  const yearOptions = (options.data?.years ?? []).map((y) => ({ value: y.year, label: `${y.year}年度` }));
  const counts = view ? GRADES.map((g) => [g, view.scores.filter((s) => s.grade === g).length] as const) : [];

  return (
    <>
      <PageHeader
        title="绩效考核"
        subtitle="按考核方案计算各责任单位得分并排名，每一项得分都可追溯到所依据的报告、事项和指标"
        extra={
          <Space>
            <Typography.Text>考核年度</Typography.Text>
            <Select aria-label="考核年度" style={{ width: 130 }} value={year} options={yearOptions.length ? yearOptions : [{ value: year, label: `${year}年度` }]} onChange={setYear} />
          </Space>
        }
      />
      {options.error && <QueryError error={options.error} onRetry={() => void options.refetch()} />}
      <SchemeCard year={year} editable={canManage} />
      <Card
        title={view ? `考核结果 · ${view.run.scopeLabel}` : '考核结果'}
        loading={latest.isPending}
        extra={
          <Space wrap>
            {view && (
              <>
                <Button icon={<DownloadOutlined />} href={exportHref(view.run.id, 'xlsx')}>
                  导出 Excel
                </Button>
                <Button icon={<DownloadOutlined />} href={exportHref(view.run.id, 'docx')}>
                  导出 Word
                </Button>
              </>
            )}
            {canManage && (
              <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setRunning(true)}>
                运行考核
              </Button>
            )}
          </Space>
        }
      >
        {latest.error && <QueryError error={latest.error} onRetry={() => void latest.refetch()} />}
        {revoke.error && <ErrorAlert error={revoke.error} />}
        {!view && !latest.isPending && !latest.error && (
          <Empty description={canManage ? `${year}年度尚未运行考核。核对考核方案后，点击“运行考核”计算各单位得分。` : `督查室尚未运行${year}年度考核`} />
        )}
        {view && (
          <>
            <Space size={40} wrap style={{ marginBottom: 16 }} className="assessment-summary">
              <Statistic title="参加考核单位" value={view.scores.length} suffix="个" />
              {counts.map(([g, n]) => (
                <Statistic key={g} title={GRADE_LABELS[g]} value={n} suffix="个" />
              ))}
              <div>
                <Typography.Text type="secondary">
                  数据截至 {view.run.asOf} · {view.run.runByName} 于 {dayjs(view.run.createdAt).format('YYYY-MM-DD HH:mm')} 运行
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {(vetoes.data ?? []).length > 0 ? `本年度一票否决 ${(vetoes.data ?? []).length} 个单位 · ` : ''}点击行首“+”查看得分明细
                </Typography.Text>
              </div>
            </Space>
            <RankingTable
              scores={view.scores}
              canManage={canManage}
              canOpenReports={canManage}
              actions={{
                onAdjust: (s) => {
                  adjust.reset();
                  setAdjusting(s);
                },
                onVeto: (s) => {
                  veto.reset();
                  setVetoing(s);
                },
                onRevoke: (s) => {
                  const v = vetoes.data?.find((x) => x.unitId === s.unitId);
                  if (v) revoke.mutate(v.id, { onSuccess: () => void message.success(`已撤销对${s.unitName}的一票否决`) });
                },
                revoking: revoke.isPending,
              }}
            />
          </>
        )}
      </Card>
      {running && (
        <RunModal
          year={year}
          options={options.data}
          hasRun={!!view}
          pending={run.isPending}
          error={run.error}
          onClose={() => {
            setRunning(false);
            run.reset();
          }}
          onSubmit={(body) =>
            run.mutate(body, {
              onSuccess: (v) => {
                setRunning(false);
                void message.success(`考核已完成：${v.run.scopeLabel}共 ${v.scores.length} 个单位`);
              },
            })
          }
        />
      )}
      {adjusting && view && (
        <AdjustModal
          score={adjusting}
          pending={adjust.isPending}
          error={adjust.error}
          onClose={() => setAdjusting(null)}
          onSubmit={(delta, reason) =>
            adjust.mutate(
              { runId: view.run.id, unitId: adjusting.unitId, delta, reason },
              {
                onSuccess: () => {
                  setAdjusting(null);
                  void message.success(`已调整${adjusting.unitName}的得分`);
                },
              },
            )
          }
        />
      )}
      {vetoing && (
        <VetoModal
          score={vetoing}
          pending={veto.isPending}
          error={veto.error}
          onClose={() => setVetoing(null)}
          onSubmit={(reason) =>
            veto.mutate(
              { unitId: vetoing.unitId, reason },
              {
                onSuccess: () => {
                  setVetoing(null);
                  void message.success(`已对${vetoing.unitName}一票否决`);
                },
              },
            )
          }
        />
      )}
    </>
  );
}
