import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CompletenessPolicy } from '../../../../core/reporting/completeness';
import { request } from '../../api/client';
import type { Versioned } from '../../api/types';
import { SwitchSettingCard } from '../../supervision/SwitchSettingCard';
import { useCompletenessPolicy } from '../api';

/** 报告完整性 (系统设置): whether co-operating units may leave their part blank when they submit. */
export function CompletenessCard() {
  const qc = useQueryClient();
  const query = useCompletenessPolicy();
  const save = useMutation({
    mutationFn: (body: Versioned<CompletenessPolicy>) => request<Versioned<CompletenessPolicy>>('PUT', '/api/settings/report-completeness', body),
    onSuccess: (saved) => qc.setQueryData(['settings', 'report-completeness'], saved),
  });
  return (
    <SwitchSettingCard
      title="报告完整性"
      testId="settings-completeness"
      switchId="co-units-may-leave-blank"
      label="配合事项可不填写"
      description="单位报告须每个事项都选择推进状态并填写进展情况才能提交。开启后，单位作为配合单位的事项可以不填写，由牵头单位负责该事项的填报。"
      query={query}
      save={save}
      checked={(s) => s?.coUnitsMayLeaveBlank ?? false}
      value={(coUnitsMayLeaveBlank) => ({ coUnitsMayLeaveBlank })}
      saidOn="已开启：配合事项可不填写即提交"
      saidOff="已关闭：每个事项都须填写后才能提交"
    />
  );
}
