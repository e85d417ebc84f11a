import { Alert, Button, Progress, Result, Space, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PageHeader } from '../layout/PageHeader';
import { useImportNotice, usePreviewNotice } from './api';
import type { Corrections } from './corrections';
import { DiffView } from './DiffView';
import { initialFacts, type DocumentFacts } from './DocumentFactsForm';
import { nameMaps, newNamesInUse, NO_CHOICES, type NameChoices } from './name-choices';
import { NoticesList } from './NoticesList';
import { PreviewView } from './PreviewView';
import type { ImportResult, NoticePreview } from './types';
import { UploadStep } from './UploadStep';
import { UpstreamLinksResult } from '../levels/UpstreamLinksResult';
import './notices.css';

function ResultView({ result, title, onAgain }: { result: ImportResult; title: string; onAgain: () => void }) {
  const navigate = useNavigate();
  const a = result.applied;
  return (
    <>
      <Result
        status="success"
        title={result.created ? '导入成功' : '差异已应用'}
        subTitle={
          <>
            {title}：{result.annexes} 个附件，任务 {result.tasks} 项。
            {a && `本次新增 ${a.added} 项、变更 ${a.changed} 项、删除 ${a.removed} 项。`}
          </>
        }
        extra={[
          <Button type="primary" key="home" onClick={() => navigate('/office')}>
            返回督查室工作台
          </Button>,
          <Button key="again" onClick={onAgain}>
            继续导入其他通知
          </Button>,
        ]}
      />
      {/* 上级序号 linked to the upper ledgers, or why not (web/src/levels). */}
      <UpstreamLinksResult result={result} />
    </>
  );
}

/**
 * 导入通知: upload → preview (or, for a notice already imported, the differences) → import.
 * The page keeps the File and the corrections; nothing is written until the office confirms.
 */
export default function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [corrections, setCorrections] = useState<Corrections>({});
  const [facts, setFacts] = useState<DocumentFacts>({});
  const [choices, setChoices] = useState<NameChoices>(NO_CHOICES);
  const [result, setResult] = useState<ImportResult | null>(null);
  const previewing = usePreviewNotice();
  const importing = useImportNotice();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setCorrections({});
    setFacts({});
    setChoices(NO_CHOICES);
    setResult(null);
    previewing.reset();
    importing.reset();
  };

  const choose = (f: File) => {
    reset();
    setFile(f);
    previewing.mutate(f, {
      onSuccess: (p) => {
        setPreview(p);
        setFacts(initialFacts(p));
      },
    });
  };

  const submit = (options: { update?: boolean; accept?: string[] }) => {
    if (!file) return;
    importing.mutate(
      {
        file,
        options: {
          ...options,
          corrections: Object.values(corrections),
          // The facts the notice lacks, as the office kept or typed them; new names it mapped to existing ones.
          ...(Object.keys(facts).length > 0 ? { document: facts } : {}),
          ...nameMaps(choices, preview ? newNamesInUse(preview, corrections) : undefined),
        },
      },
      { onSuccess: setResult },
    );
  };

  // Corrections live only in this page until the import: ask before a reload or close throws them away.
  const unsaved = (Object.keys(corrections).length > 0 || Object.keys(choices.units).length + Object.keys(choices.leaders).length > 0) && !result;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const step = result ? 2 : preview ? 1 : 0;
  const title =
    preview?.parsed.document.docNumber ?? facts.docNumber ?? preview?.parsed.document.title ?? facts.title ?? file?.name ?? '';

  return (
    <>
      <PageHeader title="导入通知" subtitle="上传责任分解通知，核对系统解析的事项、领导和责任单位后导入任务台账" />
      <Steps
        current={step}
        status={result ? 'finish' : 'process'}
        size="small"
        style={{ marginBottom: 16, maxWidth: 720 }}
        items={[{ title: '上传文件' }, { title: preview?.existing ? '差异对比' : '核对预览' }, { title: '完成导入' }]}
      />
      {importing.isPending && importing.progress && (
        // The import sends the file again and writes the ledger in one transaction; say which part we wait for.
        <Alert
          type="info"
          role="status"
          style={{ marginBottom: 16 }}
          message={
            importing.progress.phase === 'uploading' ? '正在上传文件…' : '已上传，正在写入任务台账，请勿关闭页面…'
          }
          description={
            <Progress
              percent={importing.progress.percent}
              status="active"
              showInfo={importing.progress.phase === 'uploading'}
            />
          }
        />
      )}
      {previewing.error && <ErrorAlert error={previewing.error} />}
      {importing.error && <ErrorAlert error={importing.error} />}
      {result ? (
        <ResultView result={result} title={title} onAgain={reset} />
      ) : preview?.existing ? (
        <DiffView
          preview={preview}
          diff={preview.existing.diff}
          busy={importing.isPending}
          onApply={(accept) => submit({ update: true, accept })}
          onReset={reset}
        />
      ) : preview ? (
        <PreviewView
          preview={preview}
          corrections={corrections}
          onCorrect={(c) => setCorrections((cs) => ({ ...cs, [c.key]: c }))}
          facts={facts}
          onFacts={setFacts}
          choices={choices}
          onChoose={(kind, name, choice) =>
            setChoices((cs) => {
              const next = { ...cs[kind] };
              if (choice) next[name] = choice;
              else delete next[name];
              return { ...cs, [kind]: next };
            })
          }
          busy={importing.isPending}
          onImport={() => submit({})}
          onReset={reset}
        />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <UploadStep
            progress={previewing.progress}
            busy={previewing.isPending}
            fileName={file?.name ?? null}
            onFile={choose}
            onCancel={previewing.cancel}
          />
          <NoticesList />
        </Space>
      )}
    </>
  );
}
