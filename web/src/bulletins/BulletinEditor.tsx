import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Row, Space, Typography } from 'antd';
import { useEffect, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PageHeader } from '../layout/PageHeader';
import {
  bulletinDocxHref,
  useDeleteBulletin,
  usePublishBulletin,
  useRegenerateBulletin,
  useSaveBulletin,
  type Bulletin,
} from './api';
import { BulletinForm } from './BulletinForm';
import { ConflictNotice } from './ConflictNotice';
import { EditorActionBar } from './EditorActionBar';
import { isDirty, toEdit, toValues, type EditorValues } from './editValues';
import { FiguresPanel } from './FiguresPanel';
import { cnDate } from './format';
import { HighlightsCard } from './HighlightsCard';

/** Asks before a reload or closing the tab throws unsaved text away. */
function useUnsavedWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

interface Props {
  /** The bulletin as the server holds it (each save replaces it). */
  saved: Bulletin;
  /** Reads the bulletin afresh, after someone else's save made ours stale. */
  reload: () => Promise<Bulletin | undefined>;
}

/** The office's editor of a draft: the figures beside the text, highlights, save, download, publish. */
export function BulletinEditor({ saved, reload }: Props) {
  const [form] = Form.useForm<EditorValues>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const save = useSaveBulletin(saved.id);
  const regenerate = useRegenerateBulletin(saved.id);
  const publish = usePublishBulletin(saved.id);
  const remove = useDeleteBulletin(saved.id);
  const [error, setError] = useState<unknown>(null);
  const values = Form.useWatch((v: EditorValues) => v, form);
  const dirty = isDirty(values, saved);
  useUnsavedWarning(dirty);

  const typedText = (): Pick<EditorValues, 'title' | 'body'> => ({
    title: form.getFieldValue('title') ?? '',
    body: form.getFieldValue('body') ?? '',
  });

  // A stale version: show the current bulletin and keep the clerk's text to copy back.
  const fail = async (err: unknown, lost: Pick<EditorValues, 'title' | 'body'>) => {
    if (err instanceof ApiError && err.code === 'BULLETIN_CONFLICT') {
      const fresh = await reload();
      if (fresh) form.setFieldsValue(toValues(fresh));
      modal.warning({
        title: '保存失败：通报已被修改',
        content: <ConflictNotice lostTitle={lost.title} lostBody={lost.body} />,
        okText: '知道了',
        width: 680,
      });
      return;
    }
    // Published meanwhile (another tab): reading it again takes the page to the published document.
    if (err instanceof ApiError && err.code === 'BULLETIN_PUBLISHED') {
      message.warning(err.message);
      await reload();
      return;
    }
    setError(err);
  };

  const doSave = async (): Promise<Bulletin | null> => {
    let v: EditorValues;
    try {
      v = await form.validateFields();
    } catch {
      message.error('请先补全必填内容');
      return null;
    }
    setError(null);
    try {
      const b = await save.mutateAsync(toEdit(v, saved.version));
      form.setFieldsValue(toValues(b));
      return b;
    } catch (err) {
      await fail(err, v);
      return null;
    }
  };

  const onSave = async () => {
    if (await doSave()) message.success('已保存');
  };

  const onRegenerate = () =>
    modal.confirm({
      title: '按所选亮点重新生成正文？',
      content:
        '系统将重新读取各单位报告中的最新数据，按所选亮点重写正文。正文中已做的修改将被替换；标题、文号等其他内容保持不变。',
      okText: '重新生成',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const typed = typedText();
        setError(null);
        try {
          const b = await regenerate.mutateAsync({
            version: saved.version,
            highlightProgressIds: form.getFieldValue('highlightProgressIds') ?? [],
          });
          // Only the text is rewritten: other unsaved edits (title, date) stay in the form.
          form.setFieldsValue({ body: b.body, highlightProgressIds: b.highlightProgressIds });
          message.success('正文已按最新数据和所选亮点重新生成');
        } catch (err) {
          await fail(err, typed);
        }
      },
    });

  // The download is of the saved text; unsaved changes are saved first so the file matches the screen.
  const onDownload = async (e: MouseEvent) => {
    if (!dirty) return;
    e.preventDefault();
    const b = await doSave();
    if (b) window.location.assign(bulletinDocxHref(b.id));
  };

  const onPublish = async () => {
    const current = dirty ? await doSave() : saved;
    if (!current) return;
    try {
      await publish.mutateAsync(current.version);
      message.success('通报已发布，各责任单位和区领导已收到通知');
      navigate(`/bulletins/${saved.id}`, { replace: true });
    } catch (err) {
      await fail(err, typedText());
    }
  };

  const onDelete = () =>
    remove.mutate(saved.version, {
      onSuccess: () => {
        message.success(`草稿 ${saved.docNumber} 已删除`);
        navigate('/office/bulletins', { replace: true });
      },
      onError: (err) => void fail(err, typedText()),
    });

  const onPreview = async () => {
    const b = dirty ? await doSave() : saved;
    if (b) navigate(`/bulletins/${b.id}`);
  };

  const f = saved.figures;
  return (
    <>
      <PageHeader
        title="编辑通报"
        subtitle={`${saved.docNumber} · ${saved.periodLabel} · 草稿 · 数据截至${cnDate(f.asOf)}`}
        extra={
          <Space>
            <Button onClick={() => navigate('/office/bulletins')}>返回通报列表</Button>
            <Button icon={<EyeOutlined />} onClick={() => void onPreview()}>
              预览
            </Button>
          </Space>
        }
      />
      {error !== null && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" initialValues={toValues(saved)} className="bulletin-editor">
        <Row gutter={16}>
          <Col xs={24} xl={9}>
            <Typography.Text type="secondary" className="bulletin-figures-caption">
              通报数据：生成时读取各单位报告，重新生成正文时更新。点击单位、事项可查看原始报告和台账。
            </Typography.Text>
            <FiguresPanel f={f} />
          </Col>
          <Col xs={24} xl={15}>
            <HighlightsCard
              candidates={f.highlightCandidates}
              onRegenerate={onRegenerate}
              busy={regenerate.isPending}
            />
            <BulletinForm />
          </Col>
        </Row>
      </Form>
      <EditorActionBar
        dirty={dirty}
        version={saved.version}
        docxHref={bulletinDocxHref(saved.id)}
        busy={{ save: save.isPending, publish: publish.isPending, remove: remove.isPending }}
        onSave={() => void onSave()}
        onDownload={(e) => void onDownload(e)}
        onPublish={() => void onPublish()}
        onDelete={onDelete}
      />
    </>
  );
}
