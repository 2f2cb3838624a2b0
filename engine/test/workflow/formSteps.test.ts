import { describe, expect, it } from 'vitest';
import { formSteps } from '../../src/index.js';
import { reviewWorkflow } from '../../src/samples/index.js';

describe('formSteps: where a form is filled', () => {
  it('lists the start as the * row, each state whose events carry the form, and who fills it there', () => {
    expect(formSteps(reviewWorkflow, 'application')).toEqual({
      steps: [
        { state: '*', events: ['start'], fillers: ['producer', 'third-party'] },
        { state: 'draft', events: ['SUBMIT'], fillers: ['producer', 'third-party'] },
        { state: 'returned', events: ['SUBMIT'], fillers: ['producer', 'third-party'] },
      ],
      roles: ['producer', 'third-party', 'supervision', 'district', 'municipal'],
    });
  });

  it('counts events accepted in every state in the * row, and a form nobody fills has no steps', () => {
    const reason = formSteps(reviewWorkflow, 'reason');
    // DISQUALIFY is handled at the root: any state.
    expect(reason.steps[0]).toEqual({ state: '*', events: ['DISQUALIFY'], fillers: ['district'] });
    expect(reason.steps.map((s) => s.state)).toEqual(['*', 'review.initial', 'review.final', 'notice']);
    expect(formSteps(reviewWorkflow, 'no-such-form').steps).toEqual([]);
  });
});
