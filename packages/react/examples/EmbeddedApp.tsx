/**
 * The embedding guide's app (README "Embedding"), kept here so it is type-checked and mounted by a
 * browser test: an engine on IndexedDB (Dexie), a workflow with its forms, a reviewer's inbox and
 * the case view, timeline and diagram of the task they open.
 */
import { createEngine, type Actor } from '@nongan/engine';
import { createDexieStore } from '@nongan/engine/dexie';
import { reviewWorkflow } from '@nongan/engine/samples';
import { createEngineValidator, type FormDefinition } from '@nongan/forms';
import { formStyles } from '@nongan/forms/react';
import { useState } from 'react';
import { CaseView, EngineProvider, LifecycleDiagram, TaskInbox, Timeline, useInstance, widgetStyles, type FormResolver } from '@nongan/react';

/** Your forms, by id (here the two the sample workflow names). */
export const forms: Record<string, FormDefinition> = {
  application: {
    id: 'application',
    version: '1',
    title: { zh: '资质申请', en: 'Application' },
    schema: { type: 'object', required: ['farmName', 'headCount'], properties: { farmName: { type: 'string', minLength: 2 }, headCount: { type: 'integer', minimum: 0 } } },
    fields: { farmName: { kind: 'text', label: { zh: '养殖场名称', en: 'Farm name' } }, headCount: { kind: 'integer', label: { zh: '存栏量', en: 'Head in stock' } } },
    layout: { type: 'section', children: [{ type: 'field', field: 'farmName' }, { type: 'field', field: 'headCount' }] },
  },
  reason: {
    id: 'reason',
    version: '1',
    title: { zh: '退回理由', en: 'Reason' },
    schema: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 2 } } },
    fields: { reason: { kind: 'textarea', label: { zh: '理由', en: 'Reason' } } },
    layout: { type: 'field', field: 'reason' },
  },
};

/** One engine per page: IndexedDB through Dexie, the workflow, and event data checked by the forms. */
export function createAppEngine(databaseName = 'my-app') {
  return createEngine({
    store: createDexieStore({ name: databaseName }),
    workflows: [reviewWorkflow],
    validate: createEngineValidator(({ form }) => forms[form.id]),
  });
}

/** The form of an event; a multi-region app returns the case's regional variant here. */
const formFor: FormResolver = (_workflowId, _eventType, _instance, form) => forms[form.id];

export function App({ engine, actor }: { engine: ReturnType<typeof createAppEngine>; actor: Actor }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <EngineProvider engine={engine} locale="zh-CN">
      <style>{formStyles + widgetStyles}</style>
      <TaskInbox actor={actor} onOpen={setOpen} />
      {open && <OpenCase instanceId={open} actor={actor} />}
    </EngineProvider>
  );
}

function OpenCase({ instanceId, actor }: { instanceId: string; actor: Actor }) {
  const instance = useInstance(instanceId); // live: follows every send and fired deadline
  return (
    <>
      <CaseView instanceId={instanceId} actor={actor} formFor={formFor} />
      <Timeline instanceId={instanceId} />
      <LifecycleDiagram workflow={reviewWorkflow} instance={instance.data} />
    </>
  );
}
