/** The app-facing entry points: clear bilingual errors on bad input, the pieces a portal embeds. */
import { describe, expect, it } from 'vitest';
import { createRegionEngineOptions, formsFor, pinsFor, startCase, workflowsFor } from '../src/index.js';
import { actorFor, chinaTime, makeEngine } from './harness.js';

describe('region engine entry points', () => {
  it('refuse bad input in both languages', () => {
    expect(() => createRegionEngineOptions({} as never)).toThrow(/needs a store/);
    expect(() => workflowsFor('shanghai')).toThrow(/unknown region shanghai/);
    expect(() => formsFor('')).toThrow(/unknown region/);
    try {
      pinsFor('jiyuan', chinaTime('2020-01-01'));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid-input', messageZh: expect.stringContaining('尚无生效的参数') });
    }
  });

  it('refuses an unknown lifecycle', async () => {
    const { engine } = makeEngine();
    await expect(startCase(engine, 'nonsense' as never, { actor: actorFor('beijing', 'producer', 'f'), region: 'beijing', subject: 'f', data: {} })).rejects.toMatchObject({
      code: 'unknown-workflow',
      messageZh: expect.stringContaining('未知业务流程 nonsense'),
    });
  });

  it('pins the parameter version in force at the engine clock, and routes tasks by region role', async () => {
    const { engine } = makeEngine(chinaTime('2025-09-01', '00:00'));
    expect(pinsFor('jiyuan', engine.clock.now())).toEqual({ params: 'jiyuan@2025-09-01' });
    const farm = actorFor('jiyuan', 'producer', 'f1');
    const { instanceId } = await startCase(engine, 'qualificationReview', { actor: farm, region: 'jiyuan', subject: 'f1', data: { farmName: '示范场', year: 2026 } });
    await engine.send(instanceId, { type: 'SUBMIT', data: { species: 'layer', stock: 2500, annualOutput: 0 } }, { actor: farm });
    expect((await engine.tasks(actorFor('jiyuan', 'supervision'))).map((t) => t.events)).toEqual([['INITIAL_APPROVE', 'INITIAL_RETURN']]);
    expect(await engine.tasks(actorFor('beijing', 'supervision'))).toEqual([]);
  });
});
