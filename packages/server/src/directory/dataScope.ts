/**
 * Data scope (数据权限) the way Chinese government systems define it (RuoYi's five: 全部, 自定义,
 * 本部门, 本部门及以下, 仅本人), as division-code prefixes the engine matches cases against.
 * 本部门 and 本部门及以下 are one scope here: a case sits at its farm's township or village, never
 * at an agency's own level, so "own organisation only" would hold no cases at all.
 */
import type { LocalText } from '@nongan/engine';

export const DATA_SCOPES = ['all', 'custom', 'org-and-below', 'self'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

export const DATA_SCOPE_LABELS: Record<DataScope, LocalText> = {
  all: { zh: '全部数据（本地区）', en: 'All of the region' },
  custom: { zh: '自定义区划', en: 'Chosen divisions' },
  'org-and-below': { zh: '本机构及下级区划', en: 'Own organisation and below' },
  self: { zh: '仅本人（所代表的主体）', en: 'Own subjects only' },
};

/**
 * The division prefixes an account's official roles may see: undefined = the whole region; [] = none
 * (only the subjects it acts for). An account without an organisation has no organisation to scope by.
 */
export function divisionsOfScope(scope: DataScope, organisationDivision: string | null, customDivisions: readonly string[]): string[] | undefined {
  switch (scope) {
    case 'all':
      return undefined;
    case 'custom':
      return [...customDivisions];
    case 'org-and-below':
      return organisationDivision === null ? [] : [organisationDivision];
    case 'self':
      return [];
  }
}
