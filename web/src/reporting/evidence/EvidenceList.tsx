import { DeleteOutlined, FileExcelOutlined, FilePdfOutlined, FilePptOutlined, FileWordOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm, Progress, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { EVIDENCE_EXTENSIONS, EVIDENCE_LIMITS } from '../../../../core/api/evidence';
import { errorMessage } from '../../api/client';
import { deleteEvidence, downloadUrl, inlineUrl, uploadEvidence, type EvidenceFile } from './api';
import { formatSize, kindOf, refusalBeforeUpload } from './files';
import './evidence.css';

export type { EvidenceFile };

export interface EvidenceListProps {
  reportId: number;
  taskId: number;
  files: EvidenceFile[];
  /** The clerk's draft: files may be added and removed. */
  editable: boolean;
  /** After an upload or a removal: the page reloads the report, whose item then lists the files. */
  onChanged: () => void;
}

type Pending = { uid: string; name: string; percent: number; error?: string };

const ICONS: Record<string, ReactNode> = {
  pdf: <FilePdfOutlined style={{ color: '#cf1322' }} />,
  word: <FileWordOutlined style={{ color: '#0958d9' }} />,
  excel: <FileExcelOutlined style={{ color: '#389e0d' }} />,
  powerpoint: <FilePptOutlined style={{ color: '#d4380d' }} />,
};

/**
 * 佐证材料 of one report item, one line per file so a report of 21 items stays short: images as
 * thumbnails that open a preview, PDFs in a new tab (the browser's viewer), Office files downloaded.
 * Editable (the clerk's draft): drag several files in, each with its progress; remove until submitted.
 */
export function EvidenceList({ reportId, taskId, files, editable, onChanged }: EvidenceListProps) {
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending[]>([]);
  const [previewAt, setPreviewAt] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const images = files.filter((f) => kindOf(f) === 'image');

  const patch = (uid: string, p: Partial<Pending>) => setPending((all) => all.map((x) => (x.uid === uid ? { ...x, ...p } : x)));
  const start = (file: File & { uid: string }) => {
    const refusal = refusalBeforeUpload(file);
    setPending((all) => [...all, { uid: file.uid, name: file.name, percent: 0, error: refusal ?? undefined }]);
    if (refusal) return;
    uploadEvidence(reportId, taskId, file, (percent) => patch(file.uid, { percent }))
      .promise.then(() => {
        setPending((all) => all.filter((x) => x.uid !== file.uid));
        onChanged();
      })
      .catch((err: unknown) => patch(file.uid, { error: errorMessage(err) }));
  };
  const remove = async (f: EvidenceFile) => {
    setRemoving(f.id);
    try {
      await deleteEvidence(f.id);
      onChanged();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setRemoving(null);
    }
  };

  return (
    <div className="evidence" data-testid={`evidence-${taskId}`}>
      {files.length === 0 && !editable && <Typography.Text type="secondary">未上传佐证材料</Typography.Text>}
      {files.length > 0 && (
        <ul className="evidence-files" aria-label="佐证材料">
          {files.map((f) => {
            const kind = kindOf(f);
            const imageAt = images.indexOf(f);
            return (
              <li key={f.id} className="evidence-file">
                {kind === 'image' ? (
                  <button type="button" className="evidence-thumb" onClick={() => setPreviewAt(imageAt)} aria-label={`预览 ${f.fileName}`}>
                    <img src={inlineUrl(f.id)} alt="" loading="lazy" width={28} height={28} />
                  </button>
                ) : (
                  <span className="evidence-icon" aria-hidden>
                    {ICONS[kind] ?? <PaperClipOutlined />}
                  </span>
                )}
                {kind === 'image' ? (
                  <Typography.Link className="evidence-name" onClick={() => setPreviewAt(imageAt)} title={f.fileName}>
                    {f.fileName}
                  </Typography.Link>
                ) : kind === 'pdf' ? (
                  <Typography.Link className="evidence-name" href={inlineUrl(f.id)} target="_blank" rel="noopener noreferrer" title={`${f.fileName}（在新标签页中打开）`}>
                    {f.fileName}
                  </Typography.Link>
                ) : (
                  <Typography.Link className="evidence-name" href={downloadUrl(f.id)} download={f.fileName} title={`${f.fileName}（下载）`}>
                    {f.fileName}
                  </Typography.Link>
                )}
                <Typography.Text type="secondary" className="evidence-size">
                  {formatSize(f.size)}
                </Typography.Text>
                {editable && (
                  <Popconfirm title={`删除“${f.fileName}”？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove(f)}>
                    <Tooltip title="删除">
                      <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`删除 ${f.fileName}`} loading={removing === f.id} />
                    </Tooltip>
                  </Popconfirm>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {images.length > 0 && (
        <Image.PreviewGroup
          items={images.map((f) => ({ src: inlineUrl(f.id), alt: f.fileName }))}
          preview={{ visible: previewAt !== null, current: previewAt ?? 0, onVisibleChange: (v) => !v && setPreviewAt(null), onChange: (c) => setPreviewAt(c) }}
        />
      )}
      {pending.length > 0 && (
        <ul className="evidence-files" aria-label="正在上传">
          {pending.map((p) => (
            <li key={p.uid} className={`evidence-file evidence-pending${p.error ? ' evidence-failed' : ''}`}>
              <span className="evidence-name" title={p.name}>
                {p.name}
              </span>
              {p.error ? (
                <>
                  <Button type="link" size="small" className="evidence-dismiss" onClick={() => setPending((all) => all.filter((x) => x.uid !== p.uid))}>
                    知道了
                  </Button>
                  <Typography.Text type="danger" className="evidence-error" role="alert">
                    {p.error}
                  </Typography.Text>
                </>
              ) : (
                <Progress percent={p.percent} size="small" className="evidence-progress" aria-label={`${p.name} 上传进度`} />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Upload.Dragger
          multiple
          accept={EVIDENCE_EXTENSIONS.join(',')}
          showUploadList={false}
          className="evidence-drop"
          // Each file goes on its own request as soon as it is dropped; the list above shows its progress.
          beforeUpload={(file) => {
            start(file);
            return false;
          }}
        >
          <span className="evidence-drop-text">
            <InboxOutlined /> 点击或拖拽文件到此上传佐证材料
            <Typography.Text type="secondary">（图片、PDF、Word/Excel/PPT，可多选，单个不超过 {EVIDENCE_LIMITS.maxBytes / 1048576} MB）</Typography.Text>
          </span>
        </Upload.Dragger>
      )}
    </div>
  );
}

/** 📎 2: how many files an item (or a report) has, for a collapsed item's header. Nothing for none. */
export function EvidenceCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Tag icon={<PaperClipOutlined />} className="evidence-count" aria-label={`佐证材料 ${count} 个`}>
      {count}
    </Tag>
  );
}
