import { Tag } from 'antd';

// The server sends the Chinese label (statusLabel); the colour says at a glance what needs doing.
const COORDINATION_COLORS: Record<string, string> = { open: 'orange', assigned: 'blue', closed: 'green' };
const ADJUSTMENT_COLORS: Record<string, string> = { proposed: 'orange', approved: 'green', rejected: 'default' };

export function CoordinationStatus({ status, label }: { status: string; label: string }) {
  return <Tag color={COORDINATION_COLORS[status] ?? 'default'}>{label}</Tag>;
}

export function AdjustmentStatus({ status, label }: { status: string; label: string }) {
  return <Tag color={ADJUSTMENT_COLORS[status] ?? 'default'}>{label}</Tag>;
}
