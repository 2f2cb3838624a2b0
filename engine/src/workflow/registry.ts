/** Registered workflow versions, side by side: new cases start on the latest, old ones keep theirs. */
import { EngineError } from '../errors.js';
import type { WorkflowDefinition } from './defineWorkflow.js';

export class WorkflowRegistry {
  private readonly byKey = new Map<string, WorkflowDefinition>();
  private readonly latest = new Map<string, WorkflowDefinition>();

  constructor(workflows: readonly WorkflowDefinition[]) {
    for (const workflow of workflows) this.register(workflow);
  }

  register(workflow: WorkflowDefinition): void {
    const key = `${workflow.id}@${workflow.version}`;
    if (this.byKey.has(key)) {
      throw new EngineError('already-exists', { en: `workflow ${key} is already registered`, zh: `流程 ${key} 已注册` }, { workflow: key });
    }
    this.byKey.set(key, workflow);
    const current = this.latest.get(workflow.id);
    if (!current || current.version < workflow.version) this.latest.set(workflow.id, workflow);
  }

  get(id: string, version?: number): WorkflowDefinition {
    const found = version === undefined ? this.latest.get(id) : this.byKey.get(`${id}@${version}`);
    if (!found) {
      const name = version === undefined ? id : `${id}@${version}`;
      throw new EngineError('unknown-workflow', { en: `workflow ${name} is not registered`, zh: `流程 ${name} 未注册` }, { workflowId: id, version });
    }
    return found;
  }

  all(): WorkflowDefinition[] {
    return [...this.byKey.values()];
  }
}
