/**
 * The farm register of the demo (主体名录): who may sign in as a producer. A farm is the engine
 * subject of its cases. Kept in localStorage and in backups; `checkFarmInput` validates a registration.
 */
import { subjectNameInCase } from '@nongan/react';
import type { KeyValueStorage } from '../boot/demoClock.js';

export interface Farm {
  id: string;
  region: string;
  name: string;
  contact?: string;
  /** ISO timestamp (demo clock). */
  registeredAt: string;
}

export const FARMS_KEY = 'nongan-portal-farms';

export function loadFarms(storage: KeyValueStorage): Farm[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(FARMS_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((f): f is Farm => typeof f?.id === 'string' && typeof f?.region === 'string' && typeof f?.name === 'string') : [];
  } catch {
    return [];
  }
}

export function saveFarms(storage: KeyValueStorage, farms: readonly Farm[]): void {
  storage.setItem(FARMS_KEY, JSON.stringify(farms));
}

export interface FarmInput {
  name: string;
  contact: string;
}

/** Problems of a registration, each `{ zh, en }`; empty when it may be registered. */
export function checkFarmInput(input: FarmInput, existing: readonly Farm[], region: string): Array<{ zh: string; en: string }> {
  const problems: Array<{ zh: string; en: string }> = [];
  const name = input.name.trim();
  if (name.length < 2 || name.length > 60) problems.push({ zh: '主体名称须为 2–60 个字符', en: 'Farm name must be 2–60 characters' });
  if (existing.some((f) => f.region === region && f.name === name)) problems.push({ zh: '本地区已有同名主体', en: 'A farm with this name is already registered in this region' });
  if (input.contact.trim() !== '' && !/^1[3-9]\d{9}$/.test(input.contact.trim())) problems.push({ zh: '联系电话须为 11 位手机号码', en: 'Contact must be an 11-digit mobile number' });
  return problems;
}

/** A new farm id: region prefix and a short random part (ids are engine subjects, never reused). */
export function newFarmId(region: string, random: () => string = () => globalThis.crypto.randomUUID().slice(0, 8)): string {
  return `${region}-farm-${random()}`;
}

/** Farms named by existing cases (seeded data, imports): subject id, region and the name the case holds. */
export function farmsFromInstances(instances: ReadonlyArray<{ region: string; subject: string; workflowId: string; context: unknown }>, registeredAt: string): Farm[] {
  const farms = new Map<string, Farm>();
  for (const i of instances) {
    if (i.workflowId === 'warningToExit' && farms.has(i.subject)) continue;
    const name = subjectNameInCase(i) ?? i.subject;
    const held = farms.get(i.subject);
    if (!held || held.name === i.subject) farms.set(i.subject, { id: i.subject, region: i.region, name, registeredAt });
  }
  return [...farms.values()];
}
