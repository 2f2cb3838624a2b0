/**
 * Demo mode: the five regions' demo cases (from @nongan/workflows) and an account for every region ×
 * role, plus one producer account per demo farm, all with one published demo password. Account ids
 * are the actor ids the demo cases were made with, so the seeded history names real accounts.
 * Idempotent: what exists is left alone.
 */
import type { Engine } from '@nongan/engine';
import { REGION_IDS, ROLES, actorFor, regionProfile, roleLabel, seedDemo, type Role } from '@nongan/workflows';
import type { AccountStore } from '../identity/accounts.js';

export const DEMO_PASSWORD = 'nongan-demo';

export interface DemoAccount {
  login: string;
  displayName: string;
  region: string;
  roles: string[];
}

const OFFICIAL_ROLES = ROLES.filter((r): r is Exclude<Role, 'producer' | 'third-party'> => r !== 'producer' && r !== 'third-party');

export async function seedDemoData(engine: Engine, accounts: AccountStore): Promise<{ accounts: number; cases: number }> {
  let cases = 0;
  for (const region of REGION_IDS) cases += (await seedDemo(engine, { region })).created.length;
  const wanted: Array<Parameters<AccountStore['create']>[0]> = [];
  for (const region of REGION_IDS) {
    const regionName = regionProfile(region).name.zh;
    for (const role of OFFICIAL_ROLES) {
      const actor = actorFor(region, role);
      wanted.push({ id: actor.id, login: `${region}-${role}`, displayName: `${regionName} · ${roleLabel(region, role).zh}`, password: DEMO_PASSWORD, roles: [role], region });
    }
    const subjects = new Set((await engine.query({ region, limit: 500 })).map((r) => r.subject));
    for (const subject of [...subjects].sort()) {
      const actor = actorFor(region, 'producer', subject);
      wanted.push({ id: actor.id, login: subject, displayName: `${regionName} · ${subject}`, password: DEMO_PASSWORD, roles: ['producer'], region, subjects: [subject] });
    }
  }
  let created = 0;
  for (const account of wanted) {
    if (await accounts.get(account.id!)) continue;
    await accounts.create(account);
    created++;
  }
  return { accounts: created, cases };
}
