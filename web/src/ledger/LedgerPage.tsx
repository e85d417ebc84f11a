import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useTasks } from './api';
import { useNotices } from '../notices/api';
import {
  apiQuery,
  DEFAULT_PAGE_SIZE,
  exportHref,
  numberParam,
  portfolioLeaderId,
  searchTerms,
  type FilterKey,
} from './filters';
import { LedgerFilters } from './LedgerFilters';
import { LedgerTable } from './LedgerTable';
import { LedgerCards } from './LedgerCards';
import { useIsPhone } from '../layout/useIsPhone';
import { AnnexExportButton } from './AnnexExportButton';
import { LedgerBuildBar } from './LedgerBuildBar';
import { useLedgerRowActions } from './LedgerRowActions';
import './ledger.css';

/** 台账: every task of the organisation (a unit's people: their unit's), filtered and searched. */
export default function LedgerPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const phone = useIsPhone();
  const ownLeaderId = me?.role === 'leader' ? (me.leader?.id ?? null) : null;
  const query = apiQuery(params, ownLeaderId);
  const tasks = useTasks(query);
  const notices = useNotices();
  const portfolioOn = portfolioLeaderId(params, ownLeaderId) !== null;

  const change = (changes: Partial<Record<FilterKey | 'all', string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    // A new filter starts from the first page; a page change keeps the filters.
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  // The office builds the ledger by hand (issue 16): its buttons above, its row actions in the table.
  const builds = can(me?.role, 'task.write');
  const rowActions = useLedgerRowActions(tasks.data?.items ?? [], builds);
  const filtered = [...params.keys()].some((k) => k !== 'page' && k !== 'pageSize');

  const unitRole = me?.role === 'unit_staff' || me?.role === 'unit_head';
  const subtitle = unitRole
    ? `${me?.unit?.name ?? '本单位'}承担的事项（牵头或配合）`
    : portfolioOn
      ? `${me?.leader?.name ?? ''}分管的事项`
      : `${me?.org.name ?? ''}目标任务责任分解台账`;

  return (
    <>
      <PageHeader
        title="台账"
        subtitle={subtitle}
        extra={
          <Space wrap>
            {builds && me && (
              <LedgerBuildBar
                noticeId={numberParam(params, 'noticeId')}
                year={Number(me.businessClock.today.slice(0, 4))}
                onLedgerCreated={(id) => setParams(new URLSearchParams({ noticeId: String(id) }))}
              />
            )}
            {/* A plain link: the browser downloads the workbook with the session cookie, all pages. */}
            <Button icon={<DownloadOutlined />} href={exportHref(params, ownLeaderId)}>
              导出 Excel
            </Button>
            {/* ledger.export: the whole ledger is not a unit's to take away. */}
            {can(me?.role, 'ledger.export') && <AnnexExportButton noticeId={numberParam(params, 'noticeId')} />}
          </Space>
        }
      />
      <Card size="small" className="ledger-card">
        <LedgerFilters params={params} onChange={change} ownLeaderId={ownLeaderId} portfolioOn={portfolioOn} />
        {tasks.error && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
        <div className="ledger-count">
          {tasks.data && (
            <Typography.Text type="secondary" data-testid="ledger-total">
              共 {tasks.data.total} 项
            </Typography.Text>
          )}
          {/* The dashboard links here by target category; say so, since the bar has no such field. */}
          {params.has('noticeId') && (
            <Tag closable onClose={() => change({ noticeId: undefined })}>
              台账：{notices.data?.find((n) => n.id === numberParam(params, 'noticeId'))?.title ?? '已筛选'}
            </Tag>
          )}
          {params.has('year') && (
            <Tag closable onClose={() => change({ year: undefined })}>
              {params.get('year')}年度
            </Tag>
          )}
          {params.has('categoryId') && (
            <Tag closable onClose={() => change({ categoryId: undefined })}>
              目标：{tasks.data?.items[0]?.category?.name ?? '已筛选'}
            </Tag>
          )}
          {filtered && (
            <Button type="link" size="small" onClick={() => setParams(new URLSearchParams())}>
              清除筛选
            </Button>
          )}
        </div>
        {/* Reading on a phone (a leader from his home's light counters): cards. The office's row
            actions stay in the table, which scrolls sideways inside the card. */}
        {phone && !rowActions.column ? (
          <LedgerCards
            data={tasks.data}
            loading={tasks.isFetching}
            terms={searchTerms(params.get('q'))}
            page={numberParam(params, 'page') ?? 1}
            pageSize={numberParam(params, 'pageSize') ?? DEFAULT_PAGE_SIZE}
            onPage={(page, pageSize) => change({ page: String(page), pageSize: String(pageSize) })}
          />
        ) : (
          <LedgerTable
            data={tasks.data}
            loading={tasks.isFetching}
            terms={searchTerms(params.get('q'))}
            page={numberParam(params, 'page') ?? 1}
            pageSize={numberParam(params, 'pageSize') ?? DEFAULT_PAGE_SIZE}
            onPage={(page, pageSize) => change({ page: String(page), pageSize: String(pageSize) })}
            actions={rowActions.column}
          />
        )}
        {rowActions.modal}
      </Card>
    </>
  );
}
