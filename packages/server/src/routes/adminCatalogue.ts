/** The roles an administrator assigns, with the names people read (regions rename them on their own screens). */
import type { LocalText } from '@nongan/engine';
import { DEFAULT_ROLE_LABELS, ROLES } from '@nongan/workflows';
import { ADMIN_ROLE } from '../identity/accounts.js';

export const ADMIN_ROLE_LABEL: LocalText = { zh: '系统管理员', en: 'System administrator' };

export function roleCatalogue(): Array<{ key: string; label: LocalText }> {
  return [...ROLES.map((key) => ({ key, label: DEFAULT_ROLE_LABELS[key] })), { key: ADMIN_ROLE, label: ADMIN_ROLE_LABEL }];
}
