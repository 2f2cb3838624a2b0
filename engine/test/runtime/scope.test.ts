/**
 * Separation of duties and data scope by division code: the engine refuses, records nothing, and
 * lists in an inbox only what the same rule lets the actor do.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/index.js';
import { actors, application, makeEngine } from '../fixtures/harness.js';

// 承留镇 (419001103) and 梨林镇 (419001106) of 济源市 (419001).
const CHENGLIU = '419001103';
const LILIN = '419001106';
const chengliuStation: Actor = { id: 'sup-chengliu', roles: ['supervision'], region: 'jiyuan', divisions: [CHENGLIU] };
const lilinStation: Actor = { id: 'sup-lilin', roles: ['supervision'], region: 'jiyuan', divisions: [LILIN] };
const cityBureau: Actor = { id: 'dist-city', roles: ['district'], region: 'jiyuan', divisions: ['419001'] };
/** One account that is both a farm's producer and a supervision official (the case of issue 12). */
const farmerOfficial: Actor = { id: 'both-1', roles: ['producer', 'supervision'], region: 'jiyuan', subjects: ['farm-1'] };

async function submitted(engine: ReturnType<typeof makeEngine>['engine'], id: string, subject: string, division?: string, actor: Actor = subject === 'farm-1' ? actors.farm : actors.otherFarm) {
  await engine.start('sample-review', { actor, region: 'jiyuan', subject, data: application, instanceId: id, ...(division ? { division } : {}) });
  await engine.send(id, { type: 'SUBMIT', data: application }, { actor });
}

describe('separation of duties', () => {
  it('lets an account with producer and supervision roles apply for its farm but not review that application', async () => {
    const { engine } = makeEngine();
    await submitted(engine, 'own', 'farm-1', undefined, farmerOfficial);
    const before = await engine.history('own');
    const error = await engine.send('own', { type: 'APPROVE' }, { actor: farmerOfficial }).catch((e) => e);
    expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'separation-of-duties' } });
    expect(error.messageZh).toContain('不相容职务分离');
    expect(await engine.history('own')).toEqual(before);
    expect(await engine.allowedEvents('own', farmerOfficial)).not.toContain('APPROVE');
    expect((await engine.tasks(farmerOfficial)).map((t) => t.instance.id)).not.toContain('own');
  });

  it('lets the same account review another farm\'s application', async () => {
    const { engine } = makeEngine();
    await submitted(engine, 'other', 'farm-2');
    expect((await engine.tasks(farmerOfficial)).map((t) => t.instance.id)).toEqual(['other']);
    await expect(engine.send('other', { type: 'APPROVE' }, { actor: farmerOfficial })).resolves.toMatchObject({ state: { review: 'final' } });
  });
});

describe('data scope by division code', () => {
  it('lets a township station act only on cases of its township', async () => {
    const { engine } = makeEngine();
    await submitted(engine, 'in-chengliu', 'farm-1', CHENGLIU);
    await submitted(engine, 'in-lilin', 'farm-2', LILIN);
    const error = await engine.send('in-lilin', { type: 'APPROVE' }, { actor: chengliuStation }).catch((e) => e);
    expect(error).toMatchObject({ code: 'forbidden', details: { reason: 'division' } });
    expect(error.messageZh).toContain('数据范围');
    expect((await engine.get('in-lilin')).revision).toBe(2);
    await expect(engine.send('in-chengliu', { type: 'APPROVE' }, { actor: chengliuStation })).resolves.toMatchObject({ revision: 3 });
    await expect(engine.send('in-lilin', { type: 'APPROVE' }, { actor: lilinStation })).resolves.toMatchObject({ revision: 3 });
  });

  it('finds the inbox of each level through the task-key index: township, city, and a region-wide official', async () => {
    const { engine } = makeEngine();
    await submitted(engine, 'a', 'farm-1', CHENGLIU);
    await submitted(engine, 'b', 'farm-2', LILIN);
    await submitted(engine, 'c', 'farm-2', `${CHENGLIU}201`);
    const inbox = async (actor: Actor) => (await engine.tasks(actor)).map((t) => t.instance.id).sort();
    expect(await inbox(chengliuStation)).toEqual(['a', 'c']);
    expect(await inbox(lilinStation)).toEqual(['b']);
    expect(await inbox({ ...cityBureau, roles: ['supervision'] })).toEqual(['a', 'b', 'c']);
    expect(await inbox(actors.supervision)).toEqual(['a', 'b', 'c']);
    expect(await inbox({ ...chengliuStation, divisions: [] })).toEqual([]);
  });

  it('keeps a case with no registered division out of every division-scoped official\'s reach', async () => {
    const { engine } = makeEngine();
    await submitted(engine, 'nowhere', 'farm-1');
    await expect(engine.send('nowhere', { type: 'APPROVE' }, { actor: { ...cityBureau, roles: ['supervision'] } })).rejects.toMatchObject({ details: { reason: 'division' } });
    await expect(engine.send('nowhere', { type: 'APPROVE' }, { actor: actors.supervision })).resolves.toBeTruthy();
  });

  it('lists cases by division prefix and refuses a malformed one', async () => {
    const { engine } = makeEngine();
    await submitted(engine, 'a', 'farm-1', CHENGLIU);
    await submitted(engine, 'b', 'farm-2', LILIN);
    expect((await engine.query({ division: CHENGLIU })).map((r) => r.id)).toEqual(['a']);
    expect((await engine.query({ division: '419001' })).map((r) => r.id)).toEqual(['a', 'b']);
    await expect(engine.query({ division: '4190' + "' OR 1=1" })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(engine.query({ division: '41900' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('refuses a malformed division on start or in an actor, and writes nothing', async () => {
    const { engine, store } = makeEngine();
    await expect(engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', division: '4190011', data: application })).rejects.toMatchObject({ code: 'invalid-input', details: { path: 'division' } });
    await expect(engine.tasks({ ...chengliuStation, divisions: ['41a'] })).rejects.toMatchObject({ code: 'invalid-input', details: { path: 'actor.divisions/0' } });
    expect(await store.countInstances({})).toBe(0);
  });
});
