import { describe, expect, it } from 'vitest';
import { permissionSteps } from '../src/pages/permissionSteps.js';

describe('the designer\'s permission rows for a form', () => {
  it('names each step where the Jiyuan antibody report is filled, with the region\'s role names and who fills it', () => {
    const steps = permissionSteps('qr-antibody-report', 'jiyuan');
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps) {
      expect(step.label.zh).toContain("先打后补");
      // People see names: no state or role key in a label.
      expect(step.label.zh).not.toMatch(/[a-z]{3,}/i);
      for (const role of step.roles) expect(role.label.zh).not.toMatch(/^[a-z-]+$/);
    }
    const fillers = steps.flatMap((s) => s.roles.filter((r) => r.fills).map((r) => r.role));
    expect(new Set(fillers)).toEqual(new Set(['producer', 'third-party', 'lab']));
  });

  it('offers no rows for a region that does not run the form\'s lifecycle', () => {
    expect(permissionSteps('qr-antibody-report', 'kaizhou')).toEqual([]);
    expect(permissionSteps('sic-batch', 'kaizhou')[0]).toMatchObject({ state: '*' });
  });
});
