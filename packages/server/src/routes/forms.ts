/** The forms a region's cases are checked against: each lifecycle event's form, as the region's variant resolves it. */
import type { RoutePlugin } from '../http/typeProvider.js';
import { formsFor, isRegionId, regionProfile, REGION_IDS } from '@nongan/workflows';
import { apiError } from '../http/errors.js';
import { errorReplies, id, localText } from '../http/schemas.js';

const regionParams = { type: 'object', required: ['region'], properties: { region: id } } as const;

function regionOrThrow(region: string) {
  if (!isRegionId(region)) {
    throw apiError('not-found', `no region ${region}; known: ${REGION_IDS.join(', ')}`, `没有地区 ${region}；已有：${REGION_IDS.join('、')}`, { known: REGION_IDS });
  }
  return region;
}

export function formRoutes(): RoutePlugin {
  return async (app) => {
    app.get(
      '/api/regions',
      {
        schema: {
          tags: ['forms'],
          summary: 'The regions this server runs, with their names and lifecycles',
          response: {
            200: {
              type: 'array',
              items: { type: 'object', required: ['id', 'name', 'lifecycles'], properties: { id: { type: 'string' }, name: localText, lifecycles: { type: 'array', items: { type: 'string' } } } },
            },
          },
        },
      },
      async () => REGION_IDS.map((region) => ({ id: region, name: regionProfile(region).name, lifecycles: [...regionProfile(region).lifecycles] })),
    );

    app.get(
      '/api/regions/:region/forms',
      {
        schema: {
          tags: ['forms'],
          summary: 'The published form versions in force for the region (id, version, title)',
          params: regionParams,
          response: {
            200: {
              type: 'array',
              items: { type: 'object', required: ['id', 'version', 'title'], properties: { id: { type: 'string' }, version: { type: 'string' }, title: localText } },
            },
            ...errorReplies,
          },
        },
      },
      async (request) => [...formsFor(regionOrThrow(request.params.region)).values()].map((f) => ({ id: f.id, version: f.version, title: f.title })),
    );

    app.get(
      '/api/regions/:region/forms/:formId',
      {
        schema: {
          tags: ['forms'],
          summary: 'One form definition (JSON Schema, layout, rules, messages) as the region uses it',
          params: { type: 'object', required: ['region', 'formId'], properties: { region: id, formId: id } },
          response: { 200: { type: 'object', additionalProperties: true }, ...errorReplies },
        },
      },
      async (request) => {
        const form = formsFor(regionOrThrow(request.params.region)).get(request.params.formId);
        if (!form) throw apiError('not-found', `region ${request.params.region} has no form ${request.params.formId}`, `地区 ${request.params.region} 没有表单 ${request.params.formId}`);
        return form;
      },
    );
  };
}
