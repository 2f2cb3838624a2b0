/**
 * The rows of the designer's field-permission matrix for one form: every step of the lifecycles the
 * region runs where the form is filled, named as people say them (lifecycle, state, roles of the region).
 */
import { formSteps } from '@nongan/engine';
import type { PermissionStep } from '@nongan/designer';
import { statePathLabel, workflowTitle } from '@nongan/react';
import { LIFECYCLES, LIFECYCLE_IDS, isRegionId, runsLifecycle } from '@nongan/workflows';
import { roleLabelsOf } from '../shell/labels.js';

const both = (text: (locale: 'zh-CN' | 'en') => string) => ({ zh: text('zh-CN'), en: text('en') });

export function permissionSteps(formId: string, region: string | null): PermissionStep[] {
  const labels = roleLabelsOf(region ?? undefined);
  const steps: PermissionStep[] = [];
  const seen = new Set<string>();
  for (const id of LIFECYCLE_IDS) {
    if (region !== null && isRegionId(region) && !runsLifecycle(region, id)) continue;
    const workflow = LIFECYCLES[id];
    const use = formSteps(workflow, formId);
    for (const step of use.steps) {
      // One form in two lifecycles shares a state key only by accident; the matrix is keyed by state alone.
      if (seen.has(step.state)) continue;
      seen.add(step.state);
      steps.push({
        state: step.state,
        label: both((locale) => `${workflowTitle(workflow, locale)} · ${step.state === '*' ? (locale === 'en' ? 'Every step (default, and the start)' : '所有环节（默认值，含发起）') : statePathLabel(workflow, step.state, locale)}`),
        roles: use.roles.map((role) => ({ role, label: labels[role] ?? { zh: role, en: role }, fills: step.fillers.includes(role) })),
      });
    }
  }
  return steps;
}
