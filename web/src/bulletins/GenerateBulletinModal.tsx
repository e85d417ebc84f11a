import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../layout/ErrorAlert';
import { usePeriods } from '../reporting/api';
import { useGenerateBulletin, type BulletinSummary } from './api';

/**
 * 生成通报: the office picks a period that has been opened (a planned one has no reports to speak
 * of; the server refuses it too) and lands in the editor on the new draft.
 */
export function GenerateBulletinModal({ existing, onClose }: { existing: BulletinSummary[]; onClose: () => void }) {
  const periods = usePeriods();
  const generate = useGenerateBulletin();
  const navigate = useNavigate();
  const opened = (periods.data ?? []).filter((p) => p.status !== 'planned');
  const [picked, setPicked] = useState<number>();
  // Until the office picks, the latest opened period: the one a bulletin is usually about.
  const periodId = picked ?? opened.at(-1)?.id;
  const already = existing.filter((b) => b.periodId === periodId);

  const submit = () => {
    if (periodId !== undefined) generate.mutate(periodId, { onSuccess: (b) => navigate(`/office/bulletins/${b.id}`) });
  };

  return (
    <Modal
      open
      title="生成督查通报"
      okText="生成通报初稿"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={generate.isPending}
      okButtonProps={{ disabled: periodId === undefined }}
      width={560}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        系统根据所选报送期各单位的报告，统计红黄绿灯、报送情况、完成和滞后事项，生成通报初稿。初稿可编辑、勾选工作亮点，确认后再发布。
      </Typography.Paragraph>
      {generate.error && <ErrorAlert error={generate.error} />}
      {periods.isSuccess && opened.length === 0 ? (
        <Alert
          type="info"
          showIcon
          message="尚无已开启的报送期。请先在“报送期管理”中开启填报，各单位报送后再生成通报。"
        />
      ) : (
        <Form layout="vertical">
          <Form.Item label="报送期" required>
            <Select
              value={periodId}
              onChange={setPicked}
              loading={periods.isPending}
              placeholder="请选择报送期"
              options={opened.map((p) => ({ value: p.id, label: `${p.label}（${p.statusLabel}）` }))}
            />
          </Form.Item>
        </Form>
      )}
      {already.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`该报送期已有通报：${already.map((b) => `${b.docNumber}（${b.statusLabel}）`).join('、')}。再次生成将新编一期。`}
        />
      )}
    </Modal>
  );
}
