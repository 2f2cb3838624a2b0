/**
 * In the browser-only mode the whole journal is on this device; the signed-in person is still shown
 * only what their roles may see of each step's form (field permissions), as the server would answer.
 */
import type { Actor, Engine } from '@nongan/engine';
import { journalForReader, type FormCatalog } from '@nongan/workflows';

export function readerEngine(engine: Engine, actor: Actor | null, forms: Pick<FormCatalog, 'definition'>): Engine {
  if (!actor) return engine;
  return {
    ...engine,
    async history(instanceId) {
      const [record, entries] = await Promise.all([engine.get(instanceId), engine.history(instanceId)]);
      return journalForReader(entries, actor.roles, (formId) => forms.definition(record.region, formId, record.pins));
    },
  };
}
