/**
 * Organisations: the agencies people work for, each at a GB/T 2260 division (a township station at a
 * township code, a county bureau at a county code), in a tree by `parentId`. An account's data scope
 * is read from its organisation's division.
 */
import type { LocalText } from '@nongan/engine';
import type { SqlQueryable } from '@nongan/engine/postgres';
import { apiError } from '../http/errors.js';
import { checkDivisionInRegion } from './divisionRules.js';

export const ORGANISATION_KINDS = ['provincial-bureau', 'municipal-bureau', 'county-bureau', 'township-station', 'expert-office', 'lab', 'enforcement', 'administration'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, LocalText> = {
  'provincial-bureau': { zh: '省级农业农村部门', en: 'Provincial agriculture department' },
  'municipal-bureau': { zh: '市级农业农村局', en: 'Municipal agriculture bureau' },
  'county-bureau': { zh: '县（区）农业农村局', en: 'County agriculture bureau' },
  'township-station': { zh: '乡镇农产品质量安全监管站', en: 'Township quality-safety station' },
  'expert-office': { zh: '专家工作办公室', en: 'Expert office' },
  lab: { zh: '检测机构', en: 'Testing body' },
  enforcement: { zh: '农业综合执法队', en: 'Agricultural enforcement team' },
  administration: { zh: '系统管理', en: 'System administration' },
};

export interface Organisation {
  id: string;
  name: LocalText;
  kind: OrganisationKind;
  region: string;
  division: string;
  parentId: string | null;
}

export type NewOrganisation = Omit<Organisation, 'id' | 'parentId'> & { id?: string; parentId?: string | null };

interface OrganisationRow {
  id: string;
  name_zh: string;
  name_en: string;
  kind: OrganisationKind;
  region: string;
  division: string;
  parent_id: string | null;
}

const COLUMNS = 'id, name_zh, name_en, kind, region, division, parent_id';
const fromRow = (r: OrganisationRow): Organisation => ({ id: r.id, name: { zh: r.name_zh, en: r.name_en }, kind: r.kind, region: r.region, division: r.division, parentId: r.parent_id });

export class OrganisationStore {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: NewOrganisation): Promise<Organisation> {
    checkDivisionInRegion(input.region, input.division, 'division');
    if (input.parentId) {
      const parent = await this.get(input.parentId);
      if (!parent) throw apiError('invalid-input', `parent organisation ${input.parentId} does not exist`, `上级机构 ${input.parentId} 不存在`, { path: 'parentId' });
      if (!input.division.startsWith(parent.division)) {
        throw apiError('invalid-input', `division ${input.division} is not inside the parent's division ${parent.division}`, `区划 ${input.division} 不在上级机构的区划 ${parent.division} 之内`, { path: 'division' });
      }
    }
    const id = input.id ?? globalThis.crypto.randomUUID();
    const { rows } = await this.db.query<OrganisationRow>(
      `INSERT INTO nongan_organisations (id, name_zh, name_en, kind, region, division, parent_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [id, input.name.zh, input.name.en, input.kind, input.region, input.division, input.parentId ?? null, this.now()],
    );
    return fromRow(rows[0]!);
  }

  async get(id: string): Promise<Organisation | undefined> {
    const { rows } = await this.db.query<OrganisationRow>(`SELECT ${COLUMNS} FROM nongan_organisations WHERE id = $1`, [id]);
    return rows[0] && fromRow(rows[0]);
  }

  /** Organisations whose division starts with one of `prefixes` (all when undefined), by division then id. */
  async list(prefixes?: readonly string[]): Promise<Organisation[]> {
    const { rows } =
      prefixes === undefined
        ? await this.db.query<OrganisationRow>(`SELECT ${COLUMNS} FROM nongan_organisations ORDER BY division, id`)
        : await this.db.query<OrganisationRow>(`SELECT ${COLUMNS} FROM nongan_organisations WHERE division LIKE ANY ($1) ORDER BY division, id`, [prefixes.map((p) => `${p}%`)]);
    return rows.map(fromRow);
  }
}
