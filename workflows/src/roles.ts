/**
 * The roles of DOMAIN.md §Roles. The engine enforces them per event; `system` is the engine itself
 * (deadlines and cross-case messages). Regions rename them for display (see a profile's `roleLabels`).
 */
import { SYSTEM_ROLE, type LocalText } from '@nongan/engine';

export const ROLES = [
  'producer',
  'third-party',
  'supervision',
  'district',
  'expert-office',
  'municipal',
  'lab',
  'inspector',
  'enforcement',
  'public',
  'config',
] as const;
export type Role = (typeof ROLES)[number];

export { SYSTEM_ROLE };

/** Default names (DOMAIN.md §Roles); a region profile overrides them with its own terms. */
export const DEFAULT_ROLE_LABELS: Record<Role, LocalText> = {
  producer: { zh: '生产主体', en: 'Producer' },
  'third-party': { zh: '第三方服务主体', en: 'Third-party service provider' },
  supervision: { zh: '动物卫生监督机构', en: 'Animal-health supervision agency' },
  district: { zh: '区农业农村主管部门', en: 'District agriculture bureau' },
  'expert-office': { zh: '专家工作办公室', en: 'Expert office' },
  municipal: { zh: '市农业农村局', en: 'Municipal bureau' },
  lab: { zh: '检测机构', en: 'Testing body' },
  inspector: { zh: '网格监管员', en: 'Grid inspector' },
  enforcement: { zh: '农业综合执法', en: 'Agricultural enforcement' },
  public: { zh: '社会公众', en: 'Public' },
  config: { zh: '配置人员', en: 'Configuration staff' },
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that act for their own subjects (farms, service providers), not as officials. */
export const SUBJECT_BOUND_ROLES: ReadonlySet<Role> = new Set<Role>(['producer', 'third-party']);
