/**
 * Shape checks for everything a caller hands the engine. Data is stored in the journal and hashed,
 * so it must be plain JSON: no functions, no class instances, no cycles, no non-finite numbers.
 */
import { EngineError } from '../errors.js';
import { SYSTEM_ROLE } from '../workflow/defineWorkflow.js';
import type { Actor, WorkflowEvent } from '../types.js';

function bad(en: string, zh: string, path: string): EngineError {
  return new EngineError('invalid-input', { en, zh }, { path });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** Deeper data is refused: no form nests this far, and deep recursion would exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

/** Throws `invalid-input` naming the first non-JSON value found under `path`. */
export function assertJson(value: unknown, path: string, seen = new Set<object>()): void {
  if (seen.size > MAX_JSON_DEPTH) {
    throw bad(`${path.slice(0, 200)}… nests deeper than ${MAX_JSON_DEPTH} levels`, `${path.slice(0, 200)}… 的嵌套超过 ${MAX_JSON_DEPTH} 层`, path.slice(0, 200));
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(`${path} is not a finite number`, `${path} 不是有限数值`, path);
    return;
  }
  if (typeof value !== 'object') throw bad(`${path} is a ${typeof value}, not JSON data`, `${path} 的类型为 ${typeof value}，不是 JSON 数据`, path);
  if (seen.has(value)) throw bad(`${path} refers back to itself`, `${path} 存在循环引用`, path);
  seen.add(value);
  if (Array.isArray(value)) value.forEach((item, i) => assertJson(item, `${path}/${i}`, seen));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) assertJson(v, `${path}/${k}`, seen);
  else throw bad(`${path} is an object of class ${value.constructor?.name ?? '?'}, not plain JSON`, `${path} 不是普通 JSON 对象`, path);
  seen.delete(value);
}

function nonEmptyString(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') throw bad(`${path} must be a non-empty string`, `${path} 必须是非空字符串`, path);
}

export function assertActor(actor: unknown, { allowSystem = false } = {}): asserts actor is Actor {
  if (!isPlainObject(actor)) throw bad('actor must be an object { id, roles, region?, subjects? }', 'actor 必须是对象 { id, roles, region?, subjects? }', 'actor');
  nonEmptyString(actor.id, 'actor.id');
  if (!Array.isArray(actor.roles) || actor.roles.some((r) => typeof r !== 'string' || r === '')) {
    throw bad('actor.roles must be a list of role names', 'actor.roles 必须是角色名称列表', 'actor.roles');
  }
  if (!allowSystem && actor.roles.includes(SYSTEM_ROLE)) {
    throw bad(`the role '${SYSTEM_ROLE}' is reserved for the engine itself`, `角色 ${SYSTEM_ROLE} 仅供引擎内部使用`, 'actor.roles');
  }
  if (actor.region !== undefined) nonEmptyString(actor.region, 'actor.region');
  if (actor.subjects !== undefined && (!Array.isArray(actor.subjects) || actor.subjects.some((s) => typeof s !== 'string'))) {
    throw bad('actor.subjects must be a list of subject ids', 'actor.subjects 必须是主体编号列表', 'actor.subjects');
  }
  if (actor.divisions !== undefined) {
    if (!Array.isArray(actor.divisions)) throw bad('actor.divisions must be a list of division codes', 'actor.divisions 必须是行政区划代码列表', 'actor.divisions');
    actor.divisions.forEach((code, i) => assertDivision(code, `actor.divisions/${i}`));
  }
}

/** Lengths of GB/T 2260 code prefixes: province, city, county, township, village. */
export const DIVISION_LEVEL_LENGTHS = [2, 4, 6, 9, 12] as const;

/** A division code or prefix: digits, cut at a level (2, 4, 6, 9 or 12 digits). */
export function assertDivision(value: unknown, path: string): asserts value is string {
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !(DIVISION_LEVEL_LENGTHS as readonly number[]).includes(value.length)) {
    throw bad(
      `${path} must be a GB/T 2260 division code of 2, 4, 6, 9 or 12 digits`,
      `${path} 须为 2、4、6、9 或 12 位的行政区划代码（GB/T 2260）`,
      path,
    );
  }
}

/**
 * Largest event data accepted, in bytes of compact UTF-8 JSON. Every event is kept for the life of
 * its case and sent to every reader of its history; real forms send under 20 kB (files are stored
 * apart and sent as references).
 */
export const MAX_EVENT_DATA_BYTES = 256 * 1024;

function assertEventSize(data: Record<string, unknown>): void {
  const json = JSON.stringify(data);
  // A UTF-16 unit is at most 3 UTF-8 bytes: the common small event skips the encoding.
  if (json.length * 3 <= MAX_EVENT_DATA_BYTES) return;
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > MAX_EVENT_DATA_BYTES) {
    const kb = (n: number) => Math.ceil(n / 1024);
    throw new EngineError(
      'invalid-input',
      { en: `event data is ${kb(bytes)} KiB; at most ${kb(MAX_EVENT_DATA_BYTES)} KiB is accepted`, zh: `事件数据为 ${kb(bytes)} KiB，超过上限 ${kb(MAX_EVENT_DATA_BYTES)} KiB` },
      { path: 'event.data', bytes, limit: MAX_EVENT_DATA_BYTES },
    );
  }
}

export function assertEvent(event: unknown): asserts event is WorkflowEvent {
  if (!isPlainObject(event)) throw bad('event must be an object { type, data? }', '事件必须是对象 { type, data? }', 'event');
  nonEmptyString(event.type, 'event.type');
  const extra = Object.keys(event).filter((k) => k !== 'type' && k !== 'data');
  if (extra.length > 0) throw bad(`event has unknown keys ${extra.join(', ')}; put event data under 'data'`, `事件含有未知字段 ${extra.join('、')}；事件数据应放在 data 中`, 'event');
  if (event.data !== undefined) {
    if (!isPlainObject(event.data)) throw bad('event.data must be an object', 'event.data 必须是对象', 'event.data');
    assertJson(event.data, '/data');
    assertEventSize(event.data);
  }
}

export function assertOptionalString(value: unknown, path: string): asserts value is string | undefined {
  if (value !== undefined) nonEmptyString(value, path);
}

export const MAX_ID_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** Ids (cases, regions, subjects, commands) are keys in every store: printable text of bounded length. */
export function assertId(value: unknown, path: string): asserts value is string {
  nonEmptyString(value, path);
  if (value.length > MAX_ID_LENGTH || CONTROL_CHARACTER.test(value)) {
    throw bad(
      `${path} must be at most ${MAX_ID_LENGTH} printable characters`,
      `${path} 须为不超过 ${MAX_ID_LENGTH} 个可打印字符`,
      path,
    );
  }
}

export function assertOptionalId(value: unknown, path: string): asserts value is string | undefined {
  if (value !== undefined) assertId(value, path);
}
