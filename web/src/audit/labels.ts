// The labels live in core/ so the audit export uses the same words as this page.
export { ACTION_LABELS, ENTITY_LABELS } from '../../../core/audit/labels';

// Failures and credential changes are what an auditor scans for first.
export function actionColor(action: string): string {
  if (action.endsWith('_failed')) return 'red';
  if (action.includes('password')) return 'orange';
  if (action.startsWith('auth.')) return 'default';
  return 'blue';
}
