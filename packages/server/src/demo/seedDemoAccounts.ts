/**
 * Demo mode: the five regions' demo cases (from @nongan/workflows), each region's bureau and township
 * stations, its farms in the registry (with valid unified social credit codes), an account for every
 * region × role at the bureau, a township account per station (scope: that township only), one
 * producer account per farm and a system administrator, all with one published demo password.
 * Account ids are the actor ids the demo cases were made with, so the seeded history names real
 * accounts. Idempotent: what exists is left alone.
 */
import type { Engine } from '@nongan/engine';
import { usccCheckChar } from '@nongan/forms';
import { REGION_DIVISIONS, REGION_IDS, ROLES, SUBJECT_BOUND_ROLES, actorFor, assignedOfficers, demoDivisionOf, regionProfile, roleLabel, seedDemo, townshipOfficerId, type RegionId } from '@nongan/workflows';
import type { NewOrganisation, OrganisationKind } from '../directory/organisations.js';
import type { NewSubject } from '../directory/subjects.js';
import { ADMIN_ROLE, type NewAccount } from '../identity/accounts.js';
import type { ServerServices } from '../services.js';

export const DEMO_PASSWORD = 'nongan-demo';

const OFFICIAL_ROLES = ROLES.filter((r) => !SUBJECT_BOUND_ROLES.has(r));
/** Roles of a township station's staff: first review and grid supervision. */
const TOWNSHIP_ROLES = ['supervision', 'inspector'];

function bureauKind(code: string): OrganisationKind {
  if (code.length === 2) return code === '11' ? 'municipal-bureau' : 'provincial-bureau';
  if (code.length === 6) return code.endsWith('00') ? 'municipal-bureau' : 'county-bureau';
  return 'township-station';
}

/** A valid USCC for a demo farm: 9 (market regulation) 2 (enterprise), the county code, a code from the id, the check character. */
export function demoUscc(division: string, subject: string): string {
  let hash = 7;
  for (const ch of subject) hash = (hash * 131 + ch.charCodeAt(0)) % 1_000_000_000;
  const first17 = `92${division.slice(0, 6).padEnd(6, '0')}${String(hash).padStart(9, '0')}`;
  return first17 + usccCheckChar(first17);
}

export interface DemoDirectory {
  organisations: NewOrganisation[];
  subjects: NewSubject[];
  accounts: Array<NewAccount & { id: string }>;
}

/** Everything demo mode creates besides the cases (also what the sign-in page lists). */
export async function demoDirectory(engine: Engine): Promise<DemoDirectory> {
  const directory: DemoDirectory = { organisations: [], subjects: [], accounts: [] };
  directory.accounts.push({ id: 'demo-admin', login: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD, roles: [ADMIN_ROLE], dataScope: 'all' });
  // Base forms are shared by every region: only configuration staff without a region publish them.
  directory.accounts.push({ id: 'demo-national-config', login: 'national-config', displayName: '全国表单配置员', password: DEMO_PASSWORD, roles: ['config'], dataScope: 'self' });
  for (const region of REGION_IDS) {
    const root = REGION_DIVISIONS[region];
    const regionName = regionProfile(region).name.zh;
    const bureau = `${region}-bureau`;
    directory.organisations.push({ id: bureau, name: { zh: `${root.name.zh}农业农村局`, en: `${root.name.en} agriculture bureau` }, kind: bureauKind(root.code), region, division: root.code });
    for (const role of OFFICIAL_ROLES) {
      const actor = actorFor(region, role);
      directory.accounts.push({ id: actor.id, login: `${region}-${role}`, displayName: `${regionName} · ${roleLabel(region, role).zh}`, password: DEMO_PASSWORD, roles: [role], region, organisationId: bureau, dataScope: 'org-and-below' });
    }
    for (const [i, township] of root.townships.entries()) {
      if (township.code === root.code) continue; // Luoyang is itself the town: its bureau is the station
      const station = `${region}-station-${township.code}`;
      directory.organisations.push({ id: station, name: { zh: `${township.name.zh}农产品质量安全监管站`, en: `${township.name.en} township station` }, kind: 'township-station', region, division: township.code, parentId: bureau });
      directory.accounts.push({ id: townshipOfficerId(region, i), login: `${region}-township-${i + 1}`, displayName: `${township.name.zh}监管站`, password: DEMO_PASSWORD, roles: TOWNSHIP_ROLES, region, organisationId: station, dataScope: 'org-and-below' });
    }
    // seed 001 附件2: Luoyang town's three inspection groups, led by the leaders the seed names.
    if (region === 'luoyang') {
      for (const [i, leader] of assignedOfficers(region).entries()) {
        directory.accounts.push({ id: leader.id, login: `luoyang-group-${i + 1}`, displayName: leader.name!, password: DEMO_PASSWORD, roles: [...leader.roles], region, organisationId: bureau, dataScope: 'org-and-below' });
      }
    }
    for (const subject of await demoSubjects(engine, region)) {
      const division = demoDivisionOf(region, subject);
      directory.subjects.push({ id: subject, uscc: demoUscc(division, subject), name: `${regionName} · ${subject}`, region, division });
      const actor = actorFor(region, 'producer', subject);
      directory.accounts.push({ id: actor.id, login: subject, displayName: `${regionName} · ${subject}`, password: DEMO_PASSWORD, roles: ['producer'], region, subjects: [subject], dataScope: 'self' });
    }
  }
  return directory;
}

async function demoSubjects(engine: Engine, region: RegionId): Promise<string[]> {
  return [...new Set((await engine.query({ region, limit: 500 })).map((r) => r.subject))].sort();
}

export async function seedDemoData(services: Pick<ServerServices, 'engine' | 'accounts' | 'organisations' | 'subjects'>): Promise<{ accounts: number; cases: number }> {
  let cases = 0;
  for (const region of REGION_IDS) cases += (await seedDemo(services.engine, { region })).created.length;
  const directory = await demoDirectory(services.engine);
  for (const organisation of directory.organisations) if (!(await services.organisations.get(organisation.id!))) await services.organisations.create(organisation);
  for (const subject of directory.subjects) if (!(await services.subjects.get(subject.id!))) await services.subjects.create(subject);
  let created = 0;
  for (const account of directory.accounts) {
    if (await services.accounts.get(account.id)) continue;
    await services.accounts.create(account);
    created++;
  }
  return { accounts: created, cases };
}
