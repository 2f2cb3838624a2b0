/**
 * Who may edit which design: configuration staff, a regional variant only of their own region, and
 * a base form (shared by every region) only without a region (national configuration staff). Decided
 * from the session's account, never from the request.
 */
import { docIdOf, type DesignDoc } from '@nongan/designer';
import type { Account } from '../identity/accounts.js';
import { isRegionId, regionProfile } from '@nongan/workflows';
import { apiError } from '../http/errors.js';

const regionName = (region: string) => (isRegionId(region) ? regionProfile(region).name : { zh: region, en: region });

export const CONFIG_ROLE = 'config';

export function requireConfig(account: Account): void {
  if (!account.roles.includes(CONFIG_ROLE)) {
    throw apiError('forbidden', 'only configuration staff design forms', '仅配置人员可以设计表单', { reason: 'role', roles: [CONFIG_ROLE] });
  }
}

/** The region a document belongs to: a variant's own, or null for a base form. */
export function regionOfDoc(doc: DesignDoc): string | null {
  return doc.kind === 'variant' ? doc.variant.region : null;
}

export function requireMayEdit(account: Account, doc: DesignDoc): void {
  requireConfig(account);
  const region = regionOfDoc(doc);
  if (region === null && account.region !== null) {
    throw apiError(
      'forbidden',
      `${docIdOf(doc)} is a base form used by every region; only national configuration staff (no region) change it — publish a variant of your region instead`,
      `${docIdOf(doc)} 是各地区共用的基础表单，只有全国配置人员（不属于任何地区）可以修改；请发布本地区的变体`,
      { reason: 'region', path: 'doc' },
    );
  }
  if (region !== null && account.region !== null && region !== account.region) {
    const [theirs, yours] = [regionName(region), regionName(account.region)];
    throw apiError('forbidden', `${docIdOf(doc)} is a variant of ${theirs.en}; you configure ${yours.en}`, `${docIdOf(doc)} 是${theirs.zh}的变体，您负责的是${yours.zh}`, { reason: 'region', path: 'doc' });
  }
}
