/**
 * Administration: accounts (with invitation or temporary password), their roles, organisation and
 * data scope, password resets, unlocking, organisations, the farm registry and the audit log. An
 * administrator manages only what lies in their own data scope (an administrator with scope "all"
 * manages everything); an account outside it answers "not found". Every change is audited with what
 * it was before, and an administrator cannot change their own permissions.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import { ROLES, isRegionId } from '@nongan/workflows';
import { DATA_SCOPES, DATA_SCOPE_LABELS } from '../directory/dataScope.js';
import { checkDivisionInRegion } from '../directory/divisionRules.js';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type Organisation } from '../directory/organisations.js';
import { apiError } from '../http/errors.js';
import { errorReplies, id } from '../http/schemas.js';
import { ADMIN_ROLE, type Account } from '../identity/accounts.js';
import { AUDIT_KIND_LABELS } from '../identity/audit.js';
import { requireAdmin, type Identity } from '../identity/authenticate.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../identity/passwords.js';
import type { ServerServices } from '../services.js';
import { roleCatalogue } from './adminCatalogue.js';

const ASSIGNABLE_ROLES: readonly string[] = [...ROLES, ADMIN_ROLE];
const page = { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 } } as const;
const division = { type: 'string', pattern: '^\\d{2,12}$' } as const;
const localName = { type: 'object', required: ['zh', 'en'], additionalProperties: false, properties: { zh: { type: 'string', minLength: 1, maxLength: 200 }, en: { type: 'string', minLength: 1, maxLength: 200 } } } as const;
const permissions = {
  displayName: { type: 'string', minLength: 1, maxLength: 200 },
  roles: { type: 'array', maxItems: 20, uniqueItems: true, items: { type: 'string', enum: ASSIGNABLE_ROLES } },
  region: { anyOf: [id, { type: 'null' }] },
  subjects: { type: 'array', maxItems: 200, uniqueItems: true, items: id },
  organisationId: { anyOf: [id, { type: 'null' }] },
  dataScope: { type: 'string', enum: DATA_SCOPES },
  customDivisions: { type: 'array', maxItems: 200, uniqueItems: true, items: division },
} as const;
const noBody = { type: 'object', additionalProperties: false, properties: {} } as const;
const accountParams = { type: 'object', required: ['accountId'], properties: { accountId: id } } as const;
const link = { type: 'object', required: ['token', 'expiresAt'], properties: { token: { type: 'string' }, expiresAt: { type: 'number' } } } as const;
const organisation = {
  type: 'object',
  required: ['id', 'name', 'kind', 'region', 'division', 'parentId'],
  properties: { id: { type: 'string' }, name: localName, kind: { type: 'string' }, region: { type: 'string' }, division: { type: 'string' }, parentId: { type: ['string', 'null'] } },
} as const;
const subject = { type: 'object', required: ['id', 'uscc', 'name', 'region', 'division'], properties: { id: { type: 'string' }, uscc: { type: 'string' }, name: { type: 'string' }, region: { type: 'string' }, division: { type: 'string' } } } as const;

type Permissions = Partial<Pick<Account, 'displayName' | 'roles' | 'region' | 'subjects' | 'organisationId' | 'dataScope' | 'customDivisions'>>;

/** The divisions an administrator manages: undefined = everything. */
const managed = (identity: Identity) => identity.actor.divisions;
const within = (prefixes: readonly string[] | undefined, code: string | null | undefined) => prefixes === undefined || (code != null && prefixes.some((p) => code.startsWith(p)));

function outOfScope(what: string, key: string) {
  return apiError('not-found', `${what} ${key} does not exist`, `${what === 'account' ? '账号' : '机构'} ${key} 不存在`, { [what]: key });
}

export function adminRoutes(services: ServerServices): RoutePlugin {
  const { accounts, organisations, subjects, sessions, audit, passwordLinks } = services;

  /** The account if the administrator manages it (its organisation is in their scope), else "not found". */
  async function managedAccount(identity: Identity, accountId: string): Promise<Account> {
    const target = await accounts.get(accountId);
    if (!target || !within(managed(identity), target.organisationDivision)) throw outOfScope('account', accountId);
    return target;
  }

  /** Checks that what an administrator assigns is real and inside their own scope. */
  async function checkPermissions(identity: Identity, change: Permissions, current?: Account): Promise<void> {
    const prefixes = managed(identity);
    const organisationId = change.organisationId !== undefined ? change.organisationId : current?.organisationId ?? null;
    let org: Organisation | undefined;
    if (organisationId !== null) {
      org = await organisations.get(organisationId);
      if (!org || !within(prefixes, org.division)) throw outOfScope('organisation', organisationId);
    } else if (prefixes !== undefined) {
      throw apiError('invalid-input', 'organisationId: an administrator with a data scope places accounts in an organisation of that scope', 'organisationId：有数据范围的管理员只能在其范围内的机构下创建账号', { path: 'organisationId' });
    }
    const region = change.region !== undefined ? change.region : current?.region ?? org?.region ?? null;
    if (region !== null && !isRegionId(region)) throw apiError('invalid-input', `region: unknown region ${region}`, `region：未知地区 ${region}`, { path: 'region' });
    if (org && region !== org.region) throw apiError('invalid-input', `region: the organisation is in ${org.region}, not ${region}`, `region：所属机构在 ${org.region}，不是 ${region}`, { path: 'region' });
    for (const [i, code] of (change.customDivisions ?? []).entries()) {
      if (region === null) throw apiError('invalid-input', 'customDivisions need a region', '自定义区划须先指定地区', { path: 'customDivisions' });
      checkDivisionInRegion(region, code, `customDivisions/${i}`);
      if (!within(prefixes, code)) throw apiError('forbidden', `customDivisions/${i}: ${code} is outside your own data scope`, `customDivisions/${i}：${code} 超出您自己的数据范围`, { path: `customDivisions/${i}`, reason: 'division' });
    }
    if (change.dataScope === 'all' && prefixes !== undefined) {
      throw apiError('forbidden', 'only an administrator with scope "all" may grant it', '只有数据范围为“全部”的管理员才能授予“全部”', { reason: 'division' });
    }
    for (const [i, subjectId] of (change.subjects ?? []).entries()) {
      const farm = await subjects.get(subjectId);
      if (!farm || !within(prefixes, farm.division)) throw apiError('invalid-input', `subjects/${i}: no registered farm ${subjectId}`, `subjects/${i}：未登记的主体 ${subjectId}`, { path: `subjects/${i}` });
      if (region !== null && farm.region !== region) throw apiError('invalid-input', `subjects/${i}: the farm is in ${farm.region}, the account in ${region}`, `subjects/${i}：主体在 ${farm.region}，账号在 ${region}`, { path: `subjects/${i}` });
    }
  }

  return async (app) => {
    app.get('/api/admin/catalogue', { schema: { tags: ['admin'], summary: 'Roles, data scopes and organisation kinds with their names (for the administration pages)' } }, async (request) => {
      requireAdmin(request);
      return { roles: roleCatalogue(), dataScopes: DATA_SCOPES.map((key) => ({ key, label: DATA_SCOPE_LABELS[key] })), organisationKinds: ORGANISATION_KINDS.map((key) => ({ key, label: ORGANISATION_KIND_LABELS[key] })), auditKinds: Object.entries(AUDIT_KIND_LABELS).map(([key, label]) => ({ key, label })) };
    });

    app.get(
      '/api/admin/accounts',
      { schema: { tags: ['admin'], summary: 'Accounts the administrator manages, by login', querystring: { type: 'object', additionalProperties: false, properties: page }, response: { 200: { type: 'array', items: { $ref: 'Account#' } }, ...errorReplies } } },
      async (request) => accounts.list(managed(requireAdmin(request)), request.query.limit, request.query.offset),
    );

    app.post(
      '/api/admin/accounts',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an account: with a temporary password (changed at first sign-in) or an invitation link',
          body: {
            type: 'object',
            required: ['login', 'displayName', 'roles'],
            additionalProperties: false,
            properties: { login: { type: 'string', minLength: 2, maxLength: 100, pattern: '^[A-Za-z0-9._@-]+$' }, ...permissions, temporaryPassword: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH } },
          },
          response: { 201: { type: 'object', required: ['account'], properties: { account: { $ref: 'Account#' }, invitation: link } }, ...errorReplies },
        },
      },
      async (request, reply) => {
        const identity = requireAdmin(request);
        const { temporaryPassword, ...input } = request.body;
        await checkPermissions(identity, input);
        const org = input.organisationId ? await organisations.get(input.organisationId) : undefined;
        const created = await accounts.create({
          ...input,
          region: input.region ?? org?.region ?? null,
          ...(temporaryPassword !== undefined ? { password: temporaryPassword, mustChangePassword: true } : {}),
        });
        await audit.record({ kind: 'account-created', accountId: created.id, login: created.login, address: request.ip, detail: { by: identity.account.id, roles: created.roles, organisationId: created.organisationId, dataScope: created.dataScope } });
        const invitation = temporaryPassword === undefined ? await passwordLinks.issue(created.id, 'invite') : undefined;
        return reply.code(201).send({ account: created, ...(invitation ? { invitation } : {}) });
      },
    );

    app.patch(
      '/api/admin/accounts/:accountId',
      {
        schema: {
          tags: ['admin'],
          summary: 'Change an account\'s roles, organisation, scope or farms, or disable it (which ends its sessions)',
          params: accountParams,
          body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { ...permissions, disabled: { type: 'boolean' } } },
          response: { 200: { $ref: 'Account#' }, ...errorReplies },
        },
      },
      async (request) => {
        const identity = requireAdmin(request);
        const before = await managedAccount(identity, request.params.accountId);
        if (before.id === identity.account.id) throw apiError('forbidden', 'administrators cannot change their own permissions; ask another administrator', '管理员不能修改自己的权限，请由其他管理员操作', { reason: 'self' });
        await checkPermissions(identity, request.body, before);
        const after = (await accounts.update(before.id, request.body))!;
        const ended = request.body.disabled === true ? await sessions.closeAll(before.id) : 0;
        const changed = Object.keys(request.body);
        const pick = (a: Account) => Object.fromEntries(changed.map((k) => [k, a[k as keyof Account]]));
        await audit.record({ kind: 'permission-changed', accountId: before.id, login: before.login, address: request.ip, detail: { by: identity.account.id, before: pick(before), after: pick(after), sessionsEnded: ended } });
        return after;
      },
    );

    app.post(
      '/api/admin/accounts/:accountId/password-reset',
      { schema: { tags: ['admin'], summary: 'Issue a one-time link to set a new password; ends the account\'s sessions', params: accountParams, body: noBody, response: { 200: link, ...errorReplies } } },
      async (request) => {
        const identity = requireAdmin(request);
        const target = await managedAccount(identity, request.params.accountId);
        const issued = await passwordLinks.issue(target.id, 'reset');
        const ended = await sessions.closeAll(target.id);
        await audit.record({ kind: 'password-link-issued', accountId: target.id, login: target.login, address: request.ip, detail: { by: identity.account.id, sessionsEnded: ended } });
        return issued;
      },
    );

    app.post(
      '/api/admin/accounts/:accountId/unlock',
      { schema: { tags: ['admin'], summary: 'Lift a sign-in lock', params: accountParams, body: noBody, response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorReplies } } },
      async (request) => {
        const identity = requireAdmin(request);
        const target = await managedAccount(identity, request.params.accountId);
        await services.db.query('UPDATE nongan_accounts SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1', [target.id]);
        await audit.record({ kind: 'account-unlocked', accountId: target.id, login: target.login, address: request.ip, detail: { by: identity.account.id } });
        return { ok: true };
      },
    );

    app.get(
      '/api/admin/organisations',
      { schema: { tags: ['admin'], summary: 'Organisations in the administrator\'s scope, by division', response: { 200: { type: 'array', items: organisation }, ...errorReplies } } },
      async (request) => organisations.list(managed(requireAdmin(request))),
    );

    app.post(
      '/api/admin/organisations',
      {
        schema: {
          tags: ['admin'],
          summary: 'Create an organisation at a division (inside its parent\'s)',
          body: { type: 'object', required: ['name', 'kind', 'region', 'division'], additionalProperties: false, properties: { id, name: localName, kind: { type: 'string', enum: ORGANISATION_KINDS }, region: id, division, parentId: { anyOf: [id, { type: 'null' }] } } },
          response: { 201: organisation, ...errorReplies },
        },
      },
      async (request, reply) => {
        const identity = requireAdmin(request);
        if (!within(managed(identity), request.body.division)) throw apiError('forbidden', `division ${request.body.division} is outside your data scope`, `区划 ${request.body.division} 超出您的数据范围`, { reason: 'division' });
        const created = await organisations.create(request.body);
        await audit.record({ kind: 'organisation-created', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { organisation: created.id, division: created.division } });
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/api/admin/subjects',
      { schema: { tags: ['admin'], summary: 'Registered farms in the administrator\'s scope', querystring: { type: 'object', additionalProperties: false, properties: { region: id, ...page } }, response: { 200: { type: 'array', items: subject }, ...errorReplies } } },
      async (request) => subjects.list(request.query.region, managed(requireAdmin(request)), request.query.limit, request.query.offset),
    );

    app.post(
      '/api/admin/subjects',
      {
        schema: {
          tags: ['admin'],
          summary: 'Register a farm by its unified social credit code, at its township or village',
          body: { type: 'object', required: ['uscc', 'name', 'region', 'division'], additionalProperties: false, properties: { id, uscc: { type: 'string', minLength: 1, maxLength: 40 }, name: { type: 'string', minLength: 1, maxLength: 200 }, region: id, division } },
          response: { 201: subject, ...errorReplies },
        },
      },
      async (request, reply) => {
        const identity = requireAdmin(request);
        if (!within(managed(identity), request.body.division)) throw apiError('forbidden', `division ${request.body.division} is outside your data scope`, `区划 ${request.body.division} 超出您的数据范围`, { reason: 'division' });
        const created = await subjects.create(request.body);
        await audit.record({ kind: 'subject-registered', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { subject: created.id, division: created.division } });
        return reply.code(201).send(created);
      },
    );

    app.get(
      '/api/admin/audit',
      {
        schema: {
          tags: ['admin'],
          summary: 'The audit log, newest first (administrators with scope "all")',
          querystring: { type: 'object', additionalProperties: false, properties: { accountId: id, ...page } },
        },
      },
      async (request) => {
        const identity = requireAdmin(request);
        if (managed(identity) !== undefined) throw apiError('forbidden', 'the whole audit log is for administrators with scope "all"', '完整审计日志仅限数据范围为“全部”的管理员查看', { reason: 'division' });
        return audit.recent(request.query.limit, request.query.offset, request.query.accountId);
      },
    );
  };
}
