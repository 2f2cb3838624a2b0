/** Live queries reload after relevant engine changes and manual refreshes, and never overlap. */
import { describe, expect, it } from 'vitest';
import { createChangeSource, createLiveQuery } from '../src/liveQuery.js';
import { actors, application, makeEngine } from './fixtures/setup.js';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('live queries', () => {
  it('loads on first listener, reloads on changes to its case only, stops when the last listener leaves', async () => {
    const { engine } = makeEngine();
    await engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'a' });
    await engine.start('sample-review', { actor: actors.farm, region: 'jiyuan', subject: 'farm-1', data: application, instanceId: 'b' });
    const source = createChangeSource(engine);
    let loads = 0;
    const query = createLiveQuery(source, async () => (loads++, (await engine.get('a')).stateKey), (c) => c.instanceId === 'a');
    expect(query.getSnapshot().status).toBe('loading');
    const seen: string[] = [];
    const stop = query.subscribe(() => seen.push(`${query.getSnapshot().status}:${query.getSnapshot().data}`));
    await settle();
    expect(query.getSnapshot()).toMatchObject({ status: 'ready', data: 'draft' });
    await engine.send('b', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await settle();
    expect(loads).toBe(1);
    await engine.send('a', { type: 'SUBMIT', data: application }, { actor: actors.farm });
    await settle();
    expect(query.getSnapshot().data).toBe('review.initial');
    source.refresh();
    await settle();
    expect(loads).toBe(3);
    stop();
    await engine.send('a', { type: 'APPROVE' }, { actor: actors.supervision });
    await settle();
    expect(loads).toBe(3);
    expect(seen).toEqual(['ready:draft', 'ready:review.initial', 'ready:review.initial']);
  });

  it('coalesces changes during a load into one more load, and reports load errors', async () => {
    const { engine } = makeEngine();
    const source = createChangeSource(engine);
    let loads = 0;
    let release: () => void = () => {};
    const query = createLiveQuery(source, async () => {
      loads++;
      await new Promise<void>((r) => (release = r));
      return loads;
    });
    query.subscribe(() => {});
    source.refresh();
    source.refresh();
    source.refresh();
    release();
    await settle();
    release();
    await settle();
    expect(loads).toBe(2);
    expect(query.getSnapshot()).toMatchObject({ status: 'ready', data: 2 });

    const failing = createLiveQuery(source, () => engine.get('missing'));
    failing.subscribe(() => {});
    await settle();
    await settle();
    expect(failing.getSnapshot()).toMatchObject({ status: 'error' });
    expect(() => createChangeSource({} as never)).toThrow(/subscribe/);
  });
});
