import { describe, expect, it } from 'vitest';
import { checkFarmInput, farmsFromInstances, newFarmId } from '../src/shell/farms.js';

describe('farm register', () => {
  const existing = [{ id: 'jiyuan-farm-1', region: 'jiyuan', name: '承留镇福源养殖场', registeredAt: '2026-03-02' }];

  it('accepts a new farm and refuses bad input in both languages', () => {
    expect(checkFarmInput({ name: '王屋镇新建养殖场', contact: '13812345678' }, existing, 'jiyuan')).toEqual([]);
    expect(checkFarmInput({ name: '承留镇福源养殖场', contact: '' }, existing, 'jiyuan')).toEqual([{ zh: '本地区已有同名主体', en: 'A farm with this name is already registered in this region' }]);
    expect(checkFarmInput({ name: '承留镇福源养殖场', contact: '' }, existing, 'beijing')).toEqual([]);
    expect(checkFarmInput({ name: 'x', contact: '12345' }, existing, 'jiyuan').map((p) => p.en)).toEqual(['Farm name must be 2–60 characters', 'Contact must be an 11-digit mobile number']);
  });

  it('names farms after their cases', () => {
    const farms = farmsFromInstances(
      [
        { region: 'jiyuan', subject: 'jiyuan-farm-1', workflowId: 'qualificationReview', context: { farmName: '承留镇福源养殖场' } },
        { region: 'kaizhou', subject: 'kaizhou-producer-1', workflowId: 'selfInspectToCertificate', context: { batch: { producerName: '绿丰合作社' } } },
        { region: 'beijing', subject: 'beijing-cert-farm-1', workflowId: 'warningToExit', context: { farm: 'beijing-cert-farm-1' } },
      ],
      '2026-03-02T01:00:00.000Z',
    );
    expect(farms.map((f) => [f.id, f.name])).toEqual([
      ['jiyuan-farm-1', '承留镇福源养殖场'],
      ['kaizhou-producer-1', '绿丰合作社'],
      ['beijing-cert-farm-1', 'beijing-cert-farm-1'],
    ]);
    expect(newFarmId('luoyang', () => 'abc')).toBe('luoyang-farm-abc');
  });
});
