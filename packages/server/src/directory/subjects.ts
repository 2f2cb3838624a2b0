/**
 * The farm registry: subjects (farms, producers) identified by their unified social credit code. A
 * case is opened only for a registered subject, and takes the subject's division, so officials' data
 * scope applies to it from its first step.
 */
import type { SqlQueryable } from '@nongan/engine/postgres';
import { checkChineseFormat } from '@nongan/forms';
import { apiError } from '../http/errors.js';
import { checkDivisionInRegion } from './divisionRules.js';

export interface Subject {
  id: string;
  uscc: string;
  name: string;
  region: string;
  division: string;
}

export type NewSubject = Omit<Subject, 'id'> & { id?: string };

const COLUMNS = 'id, uscc, name, region, division';

export class SubjectRegistry {
  constructor(
    private readonly db: SqlQueryable,
    private readonly now: () => number = Date.now,
  ) {}

  async create(input: NewSubject): Promise<Subject> {
    const problem = checkChineseFormat('cn-uscc', input.uscc);
    if (problem) throw apiError('invalid-input', `uscc: ${problem.en}`, `统一社会信用代码：${problem.zh}`, { path: 'uscc' });
    checkDivisionInRegion(input.region, input.division, 'division');
    if (input.division.length < 9) {
      throw apiError('invalid-input', 'division: a farm is registered at its township (9 digits) or village (12 digits)', 'division：主体应登记到乡镇（9 位）或村（12 位）', { path: 'division' });
    }
    const id = input.id ?? input.uscc;
    const { rows } = await this.db.query<Subject>(
      `INSERT INTO nongan_subjects (id, uscc, name, region, division, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [id, input.uscc, input.name, input.region, input.division, this.now()],
    );
    if (!rows[0]) throw apiError('already-exists', `a subject with id ${id} or code ${input.uscc} is registered`, `已登记 id 为 ${id} 或信用代码为 ${input.uscc} 的主体`, { id, uscc: input.uscc });
    return rows[0];
  }

  async get(id: string): Promise<Subject | undefined> {
    const { rows } = await this.db.query<Subject>(`SELECT ${COLUMNS} FROM nongan_subjects WHERE id = $1`, [id]);
    return rows[0];
  }

  /** Every registered subject, by id (a backup). */
  async all(): Promise<Subject[]> {
    const { rows } = await this.db.query<Subject>(`SELECT ${COLUMNS} FROM nongan_subjects ORDER BY id`);
    return rows;
  }

  /** Subjects whose division starts with one of `prefixes` (all when undefined), in a region, by id. */
  async list(region: string | undefined, prefixes: readonly string[] | undefined, limit: number, offset: number): Promise<Subject[]> {
    const { rows } = await this.db.query<Subject>(
      `SELECT ${COLUMNS} FROM nongan_subjects
       WHERE ($1::text IS NULL OR region = $1) AND ($2::text[] IS NULL OR division LIKE ANY ($2))
       ORDER BY id LIMIT $3 OFFSET $4`,
      [region ?? null, prefixes === undefined ? null : prefixes.map((p) => `${p}%`), limit, offset],
    );
    return rows;
  }
}
