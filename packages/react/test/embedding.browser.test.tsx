/**
 * The README's embedding example, mounted as a developer would: a farm application in IndexedDB
 * appears in the reviewer's inbox; opening it shows the case, its verified history and the diagram,
 * and the reviewer's approval moves all of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { App, createAppEngine } from '../examples/EmbeddedApp.js';
import { axeViolations, buttonNamed, mount, text, unmount, until } from './render.js';

afterEach(() => unmount());

describe('embedding example', () => {
  it('wires the engine on Dexie, the workflow and the inbox into a working app', async () => {
    const engine = createAppEngine(`embedding-${Date.now()}`);
    const farm = { id: 'farm-user', roles: ['producer'], region: 'jiyuan', subjects: ['farm-1'] };
    const reviewer = { id: 'reviewer', roles: ['supervision'], region: 'jiyuan' };
    const data = { farmName: '济源示范养殖场', headCount: 350 };
    const { instanceId } = await engine.start('sample-review', { actor: farm, region: 'jiyuan', subject: 'farm-1', data });
    await engine.send(instanceId, { type: 'SUBMIT', data }, { actor: farm });

    const host = mount(<App engine={engine} actor={reviewer} />);
    (await until(() => buttonNamed(host, '办理'), 'the task')).click();
    await until(() => host.querySelector('.nw-verify[data-verified=true]'), 'verified history');
    expect(host.querySelector('[data-state="review.initial"][data-active]')).not.toBeNull();
    expect(await axeViolations(host)).toEqual([]);

    (await until(() => buttonNamed(host, 'APPROVE'), 'APPROVE action')).click();
    (await until(() => buttonNamed(host, '确认办理'), 'confirm button')).click();
    await until(() => text(host.querySelector('.nw-state')) === 'review › final', 'final review');
    await until(() => host.querySelector('[data-state="review.final"][data-active]'), 'diagram follows');
    await until(() => text(host.querySelector('.nw-verify')).includes('共 3 条'), 'timeline follows');
  });
});
