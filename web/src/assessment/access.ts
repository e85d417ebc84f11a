import type { Role } from '../api/types';

// 绩效考核: the office runs it, leaders read it (the server's assessment.manage / assessment.read).
export const ASSESSMENT_ROLES: readonly Role[] = ['office', 'leader'];
