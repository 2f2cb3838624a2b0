/**
 * Certificates anyone can verify (issue 14): the public key set, public verification of a scanned
 * token or a typed number with its live standing, a case's signed certificate for those who may see
 * the case, and the administrators' key rotation, key revocation and the record of public checks.
 * Public checks carry no session and change nothing but the check log.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import { CERTIFICATE_STATUSES, CHECK_OUTCOME_LABELS, isRegionId, PROBLEM_OUTCOMES, regionProfile, splitToken, verifyCertificateToken } from '@nongan/workflows';
import { STATUS_LIST_MAX_AGE_MS } from '../certificates/statusLists.js';
import { visibleCase } from '../http/caseAccess.js';
import { apiError } from '../http/errors.js';
import { errorReplies, id, localText } from '../http/schemas.js';
import { ADMIN_ROLE } from '../identity/accounts.js';
import { requireAdmin, requireIdentity, type Identity } from '../identity/authenticate.js';
import type { ServerServices } from '../services.js';

/** What verifiers may cache the key set for: a rotation reaches them within the hour. */
const KEY_SET_MAX_AGE_S = 3600;
const TOKEN_MAX = 4096;
/** Certificates signed in one request: a day's batches of a large producer. */
const MAX_BATCH = 500;
const FORGED = { zh: '签名无效：不是监管平台签发的合格证，请勿采信', en: 'Invalid signature: not a certificate issued by the regulator\'s platform; do not rely on it' };
const NUMBER = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$', description: 'A certificate number as printed (HGZ-…)' } as const;
const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const jwk = {
  type: 'object',
  required: ['kty', 'crv', 'x', 'kid', 'authority', 'validFrom'],
  properties: {
    kty: { type: 'string', const: 'OKP' },
    crv: { type: 'string', const: 'Ed25519' },
    x: { type: 'string' },
    kid: { type: 'string' },
    use: { type: 'string' },
    alg: { type: 'string' },
    authority: { type: 'string' },
    validFrom: { type: 'string' },
    validUntil: { type: 'string' },
    revokedFrom: { type: 'string' },
  },
} as const;

const publicCertificate = {
  type: 'object',
  properties: {
    number: { type: 'string' },
    productName: { type: 'string' },
    quantity: { type: 'number' },
    unit: { type: 'string' },
    origin: { type: 'string' },
    producerName: { type: 'string' },
    contact: { type: 'string' },
    issuedOn: { type: 'string' },
    basis: { type: 'string' },
    electronic: { type: 'boolean' },
    authority: { type: 'string' },
    authorityName: localText,
  },
} as const;

const standing = {
  type: 'object',
  required: ['status', 'message'],
  properties: {
    status: { type: 'string', enum: [...CERTIFICATE_STATUSES] },
    message: localText,
    certificate: publicCertificate,
    revocation: { type: 'object', properties: { on: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' }, organisation: { anyOf: [localText, { type: 'null' }] } } },
  },
} as const;

const verification = {
  type: 'object',
  required: ['signature', 'message'],
  properties: {
    signature: { type: 'string', enum: ['valid', 'malformed', 'unknown-key', 'wrong-authority', 'bad-signature', 'key-revoked', 'outside-key-validity'], description: 'What the signature check found (on the server, with its current key set)' },
    signatureMessage: localText,
    ...standing.properties,
  },
} as const;

const keySummary = {
  type: 'object',
  required: ['kid', 'authority', 'validFrom', 'signing'],
  properties: {
    kid: { type: 'string' },
    authority: { type: 'string' },
    authorityName: localText,
    validFrom: { type: 'string' },
    validUntil: { type: ['string', 'null'] },
    revokedFrom: { type: ['string', 'null'] },
    revokedReason: { type: ['string', 'null'] },
    signing: { type: 'boolean' },
  },
} as const;

const signedCertificate = {
  type: 'object',
  required: ['number', 'token', 'kid', 'authority', 'issuedOn'],
  properties: { number: { type: 'string' }, token: { type: 'string' }, kid: { type: 'string' }, authority: { type: 'string' }, issuedOn: { type: 'string' } },
} as const;

export function certificateRoutes(services: ServerServices): RoutePlugin {
  const { engine, certificateKeys, certificates, certificateStandings, statusLists, audit } = services;
  return async (app) => {
    app.get(
      '/.well-known/jwks.json',
      { schema: { tags: ['certificates'], summary: 'The issuing authorities\' Ed25519 public keys (RFC 8037 JWK Set) with validity and revocation days', response: { 200: { type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: jwk } } } } } },
      async (_request, reply) => {
        reply.header('cache-control', `public, max-age=${KEY_SET_MAX_AGE_S}`);
        return certificateKeys.publicKeySet();
      },
    );

    app.post(
      '/api/certificates/verify',
      {
        schema: {
          tags: ['certificates'],
          summary: 'Verify a scanned certificate token (signature with the published keys, then live standing); anyone may call it; the check is logged with its outcome and the place given',
          body: {
            type: 'object',
            required: ['token'],
            additionalProperties: false,
            properties: { token: { type: 'string', minLength: 1, maxLength: TOKEN_MAX }, place: { type: 'string', maxLength: 100, description: 'Where the check happened (a market\'s name), if the checker says' } },
          },
          response: { 200: verification, ...errorReplies },
        },
      },
      async (request) => {
        const { token, place } = request.body;
        const check = await verifyCertificateToken(token, await certificateKeys.publicKeySet());
        if (!check.ok) {
          // A printing whose key was revoked after the certificate was signed again is superseded, not forged.
          if (check.reason === 'key-revoked' && check.content) {
            await certificates.reissue(check.content.no);
            const reissued = await certificateStandings.of(check.content.no, token);
            if (reissued.status === 'superseded') {
              await certificates.recordCheck({ number: check.content.no, outcome: 'superseded', place: place ?? null, authority: check.content.a });
              return { signature: check.reason, signatureMessage: check.message, ...reissued };
            }
          }
          // What a forged code claims (its number and authority) is what the regulators pursue.
          const claimed = claimedBy(token);
          await certificates.recordCheck({ number: claimed.number, outcome: check.reason, place: place ?? null, authority: claimed.authority });
          return { signature: check.reason, signatureMessage: check.message, message: FORGED };
        }
        const result = await certificateStandings.of(check.content.no, token);
        await certificates.recordCheck({ number: check.content.no, outcome: result.status, place: place ?? null, authority: check.content.a });
        return { signature: 'valid' as const, ...result };
      },
    );

    app.get(
      '/api/certificates/status-lists/:authority',
      {
        schema: {
          tags: ['certificates'],
          summary: 'The authority\'s signed status list (revoked and fake certificate numbers, producers on the credit record), for verifiers to keep for offline checks; anyone may call it',
          params: { type: 'object', required: ['authority'], properties: { authority: id } },
          response: { 200: { type: 'object', required: ['token', 'madeAt'], properties: { token: { type: 'string' }, madeAt: { type: 'integer' } } }, ...errorReplies },
        },
      },
      async (request, reply) => {
        const authority = request.params.authority;
        if (!isRegionId(authority)) throw apiError('not-found', `no issuing authority ${authority}`, `没有签发机构 ${authority}`, { path: 'authority' });
        reply.header('cache-control', `public, max-age=${STATUS_LIST_MAX_AGE_MS / 1000}`);
        return statusLists.of(authority);
      },
    );

    app.get(
      '/api/certificates/:number',
      {
        schema: {
          tags: ['certificates'],
          summary: 'The live standing of a typed certificate number (no signature: the printed fields are compared by the checker); anyone may call it',
          params: { type: 'object', required: ['number'], properties: { number: NUMBER } },
          response: { 200: standing, ...errorReplies },
        },
      },
      async (request) => {
        const result = await certificateStandings.of(request.params.number);
        await certificates.recordCheck({ number: request.params.number, outcome: result.status, place: null, authority: result.certificate?.authority ?? null });
        return result;
      },
    );

    app.get(
      '/api/certificates/checks',
      {
        schema: {
          tags: ['certificates'],
          summary: 'For the regulators of a region: public checks of its certificates over the last days, counted by outcome, and the problem ones (forged, revoked, superseded …) with when and where',
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { region: id, days: { type: 'integer', minimum: 1, maximum: 366, default: 30 } },
          },
          response: {
            200: {
              type: 'object',
              required: ['region', 'since', 'counts', 'problems'],
              properties: {
                region: { type: ['string', 'null'] },
                since: { type: 'integer' },
                counts: { type: 'array', items: { type: 'object', properties: { outcome: { type: 'string' }, label: localText, count: { type: 'integer' } } } },
                problems: { type: 'array', items: { type: 'object', properties: { at: { type: 'integer' }, number: { type: ['string', 'null'] }, outcome: { type: 'string' }, label: localText, place: { type: ['string', 'null'] } } } },
              },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => {
        const region = checksRegion(requireIdentity(request), request.query.region);
        const since = certificates.daysAgo(request.query.days ?? 30);
        const label = (outcome: string) => CHECK_OUTCOME_LABELS[outcome] ?? { zh: outcome, en: outcome };
        const [counts, problems] = await Promise.all([
          certificates.checkCounts(region, since),
          certificates.checks({ ...(region ? { authority: region } : {}), since, outcomes: PROBLEM_OUTCOMES }, 100),
        ]);
        return { region, since, counts: counts.map((c) => ({ ...c, label: label(c.outcome) })), problems: problems.map((p) => ({ ...p, label: label(p.outcome) })) };
      },
    );

    app.get(
      '/api/cases/:instanceId/certificate',
      {
        schema: {
          tags: ['certificates'],
          summary: 'The signed certificate of a batch case (signed on first request with its authority\'s current key); 404 when the case issued none',
          params: { type: 'object', required: ['instanceId'], properties: { instanceId: id } },
          response: { 200: signedCertificate, ...errorReplies },
        },
      },
      async (request) => {
        const instance = await visibleCase(engine, requireIdentity(request).actor, request.params.instanceId);
        const signed = await certificates.ensure(instance);
        if (!signed) throw apiError('not-found', 'this case has issued no certificate', '该业务尚未开具合格证', { reason: 'no-certificate' });
        return signed;
      },
    );

    app.post(
      '/api/certificates/signed',
      {
        schema: {
          tags: ['certificates'],
          summary: `The signed certificates of up to ${MAX_BATCH} cases at once (a day's batches to print); each case must be visible to the caller; cases without a certificate are left out`,
          body: { type: 'object', required: ['instanceIds'], additionalProperties: false, properties: { instanceIds: { type: 'array', minItems: 1, maxItems: MAX_BATCH, uniqueItems: true, items: id } } },
          response: { 200: { type: 'array', items: { type: 'object', required: ['instanceId', 'number', 'token'], properties: { instanceId: { type: 'string' }, ...signedCertificate.properties } } }, ...errorReplies },
        },
      },
      async (request) => {
        const { actor } = requireIdentity(request);
        const instances = [];
        // Every case is checked first: one case out of scope refuses the whole request, as a missing case would.
        for (const instanceId of request.body.instanceIds) instances.push(await visibleCase(engine, actor, instanceId));
        return certificates.ensureMany(instances);
      },
    );

    app.get(
      '/api/admin/certificate-keys',
      { schema: { tags: ['admin'], summary: 'Every certificate signing key, its validity and revocation', response: { 200: { type: 'array', items: keySummary }, ...errorReplies } } },
      async () => (await certificateKeys.list()).map(withAuthorityName),
    );

    app.post(
      '/api/admin/certificate-keys/rotate',
      {
        schema: {
          tags: ['admin'],
          summary: 'Close the authority\'s signing key today and open a new one; certificates signed before keep verifying',
          body: { type: 'object', required: ['authority'], additionalProperties: false, properties: { authority: id } },
          response: { 200: keySummary, ...errorReplies },
        },
      },
      async (request) => {
        const identity = requireAdmin(request);
        const key = await certificateKeys.rotate(request.body.authority);
        await audit.record({ kind: 'certificate-key-rotated', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { authority: key.authority, kid: key.kid } });
        return withAuthorityName(key);
      },
    );

    app.post(
      '/api/admin/certificate-keys/:kid/revoke',
      {
        schema: {
          tags: ['admin'],
          summary: 'Revoke a compromised key from a day on: what it signed for that day or later is refused everywhere; a signing key is replaced at once and its certificates are signed again on their next request',
          params: { type: 'object', required: ['kid'], properties: { kid: id } },
          body: { type: 'object', required: ['from', 'reason'], additionalProperties: false, properties: { from: DAY, reason: { type: 'string', minLength: 2, maxLength: 500 } } },
          response: { 200: keySummary, ...errorReplies },
        },
      },
      async (request) => {
        const identity = requireAdmin(request);
        const key = await certificateKeys.revoke(request.params.kid, request.body.from, request.body.reason);
        await audit.record({ kind: 'certificate-key-revoked', accountId: identity.account.id, login: identity.account.login, address: request.ip, detail: { authority: key.authority, kid: key.kid, from: request.body.from, reason: request.body.reason } });
        return withAuthorityName(key);
      },
    );

    app.get(
      '/api/admin/certificate-checks',
      {
        schema: {
          tags: ['admin'],
          summary: 'Public checks, most recent first, by outcome (e.g. bad-signature: forged codes, and the places they were met)',
          querystring: { type: 'object', additionalProperties: false, properties: { outcome: { type: 'string', maxLength: 40 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 } } },
          response: { 200: { type: 'array', items: { type: 'object', properties: { at: { type: 'integer' }, number: { type: ['string', 'null'] }, outcome: { type: 'string' }, place: { type: ['string', 'null'] }, authority: { type: ['string', 'null'] } } } }, ...errorReplies },
        },
      },
      async (request) => certificates.checks(request.query.outcome ? { outcomes: [request.query.outcome] } : {}, request.query.limit ?? 100),
    );
  };
}

function withAuthorityName<T extends { authority: string }>(key: T): T & { authorityName: { zh: string; en: string } } {
  return { ...key, authorityName: regionName(key.authority) };
}

const regionName = (authority: string) => regionProfile(authority).name;

/** Roles that pursue forged certificates in their region (seed 001, seed 003). */
const REGULATOR_ROLES = new Set(['district', 'municipal', 'inspector', 'enforcement', 'supervision']);

/** Whose checks the caller may see: a regulator its own region's; an administrator with scope everything any (or all). */
function checksRegion(identity: Identity, asked: string | undefined): string | null {
  const { actor } = identity;
  if (identity.account.roles.includes(ADMIN_ROLE) && actor.divisions === undefined) return asked ?? null;
  if (!actor.roles.some((r) => REGULATOR_ROLES.has(r)) || !actor.region) {
    throw apiError('forbidden', 'only the regulators of a region see its certificate checks', '仅本地区监管人员可查看合格证核验记录', { reason: 'role' });
  }
  if (asked !== undefined && asked !== actor.region) {
    throw apiError('forbidden', `your data scope is ${actor.region}, not ${asked}`, `您的数据范围是本地区，不能查看其他地区的核验记录`, { reason: 'scope' });
  }
  return actor.region;
}

/** The number and authority a token claims, read without trusting it (a forged code's claim). */
function claimedBy(token: string): { number: string | null; authority: string | null } {
  const content = splitToken(token)?.content as { no?: unknown; a?: unknown } | undefined;
  const number = typeof content?.no === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(content.no) ? content.no : null;
  return { number, authority: isRegionId(content?.a) ? content.a : null };
}
