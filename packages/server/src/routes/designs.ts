/**
 * The designer on the server: configuration staff keep drafts and publish forms here, and every case
 * started afterwards pins the versions in force (routes/cases.ts). Published versions are readable by
 * anyone signed in, since case views show the form a case pinned. Every document is checked by the
 * same rules as in the browser (@nongan/designer); a publication is audited.
 */
import type { RoutePlugin } from '../http/typeProvider.js';
import { docIdOf, PublishError, type DesignDoc } from '@nongan/designer';
import { apiError } from '../http/errors.js';
import { errorReplies, id } from '../http/schemas.js';
import { requireIdentity } from '../identity/authenticate.js';
import { requireConfig, requireMayEdit } from '../designs/designRights.js';
import type { ServerServices } from '../services.js';

const doc = { type: 'object', required: ['kind'], additionalProperties: true, description: 'A design document: { kind: "form", definition } or { kind: "variant", variant }; checked as the designer checks it.', properties: { kind: { type: 'string', enum: ['form', 'variant'] } } } as const;
const docParams = { type: 'object', required: ['docId'], properties: { docId: id } } as const;
const versionParams = { type: 'object', required: ['docId', 'version'], properties: { docId: id, version: id } } as const;
const anyObject = { type: 'object', additionalProperties: true } as const;

/** The designer's own refusals, as the API's (both languages). */
function refused(error: unknown): never {
  if (error instanceof PublishError) {
    const en = error.message.startsWith(`${error.messageZh} / `) ? error.message.slice(error.messageZh.length + 3) : error.message;
    throw apiError('invalid-input', en, error.messageZh, { path: 'doc', reason: 'design' });
  }
  throw error;
}

function sameDoc(docId: string, design: DesignDoc): void {
  let bodyId: string | undefined;
  try {
    bodyId = docIdOf(design);
  } catch {
    bodyId = undefined;
  }
  if (bodyId !== docId) throw apiError('invalid-input', `the document's id (${String(bodyId)}) is not ${docId} of the address`, `文档编号（${String(bodyId)}）与地址中的 ${docId} 不一致`, { path: 'doc' });
}

export function designRoutes(services: ServerServices): RoutePlugin {
  const { designs, forms, audit } = services;
  return async (app) => {
    app.get(
      '/api/designs',
      { schema: { tags: ['designs'], summary: 'The design documents (base forms and regional variants) with their drafts and latest versions (configuration staff)', response: { 200: { type: 'array', items: anyObject }, ...errorReplies } } },
      async (request) => {
        requireConfig(requireIdentity(request).account);
        return designs.listDocuments();
      },
    );

    app.get(
      '/api/designs/versions',
      { schema: { tags: ['designs'], summary: 'Every published form version (what case views resolve pinned forms from)', response: { 200: { type: 'array', items: anyObject }, ...errorReplies } } },
      async (request) => {
        requireIdentity(request);
        return designs.allVersions();
      },
    );

    app.get(
      '/api/designs/:docId/versions',
      { schema: { tags: ['designs'], summary: 'A document\'s published versions, oldest effective date first, with what supersedes what', params: docParams, response: { 200: { type: 'array', items: anyObject }, ...errorReplies } } },
      async (request) => {
        requireIdentity(request);
        return designs.listVersions(request.params.docId);
      },
    );

    app.get(
      '/api/designs/:docId/versions/:version',
      { schema: { tags: ['designs'], summary: 'One published version', params: versionParams, response: { 200: anyObject, ...errorReplies } } },
      async (request) => {
        requireIdentity(request);
        const found = await designs.getVersion(request.params.docId, request.params.version);
        if (!found) throw apiError('not-found', `no published version ${request.params.version} of ${request.params.docId}`, `${request.params.docId} 没有已发布的版本 ${request.params.version}`);
        return found;
      },
    );

    app.post(
      '/api/designs/:docId/versions',
      {
        schema: {
          tags: ['designs'],
          summary: 'Publish a version (immutable) with its effective date and change note; removes the draft',
          params: docParams,
          body: { type: 'object', required: ['doc', 'effectiveFrom', 'note'], additionalProperties: false, properties: { doc, effectiveFrom: { type: 'string', maxLength: 10 }, note: { type: 'string', maxLength: 2000 } } },
          response: { 201: anyObject, ...errorReplies },
        },
      },
      async (request, reply) => {
        const { account } = requireIdentity(request);
        const design = request.body.doc as unknown as DesignDoc;
        requireMayEdit(account, design);
        sameDoc(request.params.docId, design);
        const published = await designs.publish(design, { effectiveFrom: request.body.effectiveFrom, note: request.body.note }).catch(refused);
        await forms.reload();
        await audit.record({ kind: 'form-published', accountId: account.id, login: account.login, address: request.ip, detail: { docId: published.docId, version: published.version, effectiveFrom: published.effectiveFrom } });
        return reply.code(201).send(published);
      },
    );

    app.get(
      '/api/designs/:docId/draft',
      { schema: { tags: ['designs'], summary: 'The shared draft of a document (configuration staff)', params: docParams, response: { 200: anyObject, ...errorReplies } } },
      async (request) => {
        requireConfig(requireIdentity(request).account);
        const draft = await designs.getDraft(request.params.docId);
        if (!draft) throw apiError('not-found', `${request.params.docId} has no draft`, `${request.params.docId} 没有草稿`);
        return draft;
      },
    );

    app.post(
      '/api/designs/:docId/draft',
      { schema: { tags: ['designs'], summary: 'Save the draft of a document (replaces the previous draft)', params: docParams, body: { type: 'object', required: ['doc'], additionalProperties: false, properties: { doc } }, response: { 200: anyObject, ...errorReplies } } },
      async (request) => {
        const { account } = requireIdentity(request);
        const design = request.body.doc as unknown as DesignDoc;
        requireMayEdit(account, design);
        sameDoc(request.params.docId, design);
        return designs.saveDraft(design).catch(refused);
      },
    );

    app.delete(
      '/api/designs/:docId/draft',
      { schema: { tags: ['designs'], summary: 'Discard the draft of a document', params: docParams, response: { 200: { type: 'object', properties: { ok: { type: 'boolean' } } }, ...errorReplies } } },
      async (request) => {
        const { account } = requireIdentity(request);
        requireConfig(account);
        const draft = await designs.getDraft(request.params.docId);
        if (draft) requireMayEdit(account, draft.doc);
        await designs.deleteDraft(request.params.docId);
        return { ok: true };
      },
    );
  };
}
