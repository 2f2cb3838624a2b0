/** Event data carries only what the form declares, and a commandId names one command (issue 19, item 4). */
import { describe, expect, it } from 'vitest';
import { startCase } from '../src/index.js';
import { actorFor, makeEngine } from './harness.js';

const farm = actorFor('jiyuan', 'producer', 'f1');
const start = { actor: farm, region: 'jiyuan' as const, subject: 'f1' };

describe('event data on the regional forms', () => {
  it('refuses a field the form does not declare, names it, and writes nothing', async () => {
    const { engine } = makeEngine();
    await expect(startCase(engine, 'qualificationReview', { ...start, data: { farmName: '示范场', year: 2026, smuggled: 'x'.repeat(1000) } })).rejects.toMatchObject({
      code: 'invalid-data',
      details: { issues: [{ path: '/smuggled', messageZh: '表单中没有字段 smuggled，请删除后再提交' }] },
    });
    expect(await engine.query({})).toEqual([]);
  });

  it('answers a repeated start with its first case, and refuses the same commandId with other data', async () => {
    const { engine } = makeEngine();
    const first = await startCase(engine, 'qualificationReview', { ...start, commandId: 'start-1', data: { farmName: '示范场', year: 2026 } });
    const again = await startCase(engine, 'qualificationReview', { ...start, commandId: 'start-1', data: { year: 2026, farmName: '示范场' } });
    expect(again).toEqual({ ...first, replayed: true });
    await expect(startCase(engine, 'qualificationReview', { ...start, commandId: 'start-1', data: { farmName: '别的场', year: 2026 } })).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'command-reused', differs: ['data'] },
    });
    expect(await engine.query({})).toHaveLength(1);
  });
});
