import { EVIDENCE_LIMITS } from '../../../../core/api/evidence';
import { SwitchSettingCard } from '../../supervision/SwitchSettingCard';
import { useEvidenceRequirement } from './api';

/** 佐证材料 (系统设置): whether an item a unit reports as 已完成 must carry an evidence file before the report is submitted. */
export function EvidenceRequirementCard() {
  const { query, save } = useEvidenceRequirement();
  return (
    <SwitchSettingCard
      title="佐证材料"
      testId="settings-evidence"
      switchId="evidence-required"
      label="已完成事项须上传佐证材料"
      description={`开启后，单位报告中推进状态为“已完成”的事项须至少上传一个佐证材料（图片、PDF 或 Office 文档），否则不能提交，提交时会列出缺少材料的事项。每个附件不超过 ${EVIDENCE_LIMITS.maxBytes / 1048576} MB，每期报告的附件合计不超过 ${EVIDENCE_LIMITS.maxBytesPerReport / 1048576} MB；含可执行程序、脚本或宏的 Office 文档一律拒收。`}
      query={query}
      save={save}
      checked={(s) => s?.requireForCompleted ?? false}
      value={(requireForCompleted) => ({ requireForCompleted })}
      saidOn="已开启：已完成的事项须上传佐证材料后才能提交"
      saidOff="已关闭：已完成的事项可不上传佐证材料"
    />
  );
}
