import { describe, expect, it } from 'vitest';
import { actorOf, parseSession } from '../src/shell/session.js';

describe('demo sign-in', () => {
  it('turns a producer session into an actor bound to its farm', () => {
    expect(actorOf({ region: 'jiyuan', role: 'producer', farmId: 'jiyuan-farm-1' })).toEqual({
      id: 'producer:jiyuan-farm-1',
      roles: ['producer'],
      region: 'jiyuan',
      subjects: ['jiyuan-farm-1'],
    });
    expect(actorOf({ region: 'jiyuan', role: 'third-party', farmId: 'jiyuan-farm-2' }).subjects).toEqual(['jiyuan-farm-2']);
  });

  it('gives officials a region-scoped actor without subjects', () => {
    expect(actorOf({ region: 'beijing', role: 'expert-office' })).toEqual({ id: 'expert-office:beijing', name: '北京市 · 北京市减量化行动专家工作办公室', roles: ['expert-office'], region: 'beijing' });
  });

  it('refuses a farm session without a farm', () => {
    expect(() => actorOf({ region: 'luoyang', role: 'producer' })).toThrow(/选择主体/);
  });

  it('reads only well-formed stored sessions', () => {
    expect(parseSession(JSON.stringify({ region: 'kaizhou', role: 'inspector' }))).toEqual({ region: 'kaizhou', role: 'inspector' });
    expect(parseSession(JSON.stringify({ region: 'kaizhou', role: 'inspector', farmId: 'x' }))).toEqual({ region: 'kaizhou', role: 'inspector' });
    expect(parseSession(JSON.stringify({ region: 'shanghai', role: 'inspector' }))).toBeNull();
    expect(parseSession(JSON.stringify({ region: 'kaizhou', role: 'mayor' }))).toBeNull();
    expect(parseSession(JSON.stringify({ region: 'kaizhou', role: 'producer' }))).toBeNull();
    expect(parseSession('{')).toBeNull();
    expect(parseSession(null)).toBeNull();
  });
});
