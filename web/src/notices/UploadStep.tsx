import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Spin, Typography, Upload } from 'antd';
import type { UploadProgress } from './upload';

const ACCEPT = '.docx,.xlsx,.pdf,.ofd,.csv,.txt,.jpg,.jpeg,.png,.tif,.tiff,.webp';

interface Props {
  progress: UploadProgress | null;
  busy: boolean;
  fileName: string | null;
  onFile: (file: File) => void;
  onCancel: () => void;
}

/**
 * Choose the notice file. The file is not sent by antd: it goes to the page, which keeps the same
 * File object for the preview and for the import, so what the office checked is what is imported.
 */
export function UploadStep({ progress, busy, fileName, onFile, onCancel }: Props) {
  return (
    <Card>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          onFile(file);
          // Upload.LIST_IGNORE: antd neither uploads nor lists the file; the page does both.
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或将责任分解通知拖到此处上传</p>
        <p className="ant-upload-hint">
          支持 Word（.docx）、Excel（.xlsx）、PDF、OFD、CSV、文本（.txt），以及扫描件（PDF 或 JPG、PNG、TIF 图片）。扫描件由系统识别文字，每页约需 10 秒，识别结果须逐项核对；有可复制文字的版本时请优先使用。
          <br />
          上传后系统先解析并显示预览，核对无误后再确认导入，预览阶段不会写入台账。
        </p>
      </Upload.Dragger>
      {busy && progress && (
        <div style={{ marginTop: 16 }} role="status">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {progress.phase === 'uploading' ? `正在上传 ${fileName ?? ''}…` : `已上传 ${fileName ?? ''}，正在解析（扫描件需逐页识别文字，请稍候）…`}
            </Typography.Text>
            <Progress
              percent={progress.percent}
              status={progress.phase === 'processing' ? 'active' : 'normal'}
              format={(p) => (progress.phase === 'processing' ? '解析中' : `${p}%`)}
            />
            <Space>
              {progress.phase === 'processing' && <Spin size="small" />}
              <Button size="small" onClick={onCancel}>
                取消
              </Button>
            </Space>
          </Space>
        </div>
      )}
    </Card>
  );
}
