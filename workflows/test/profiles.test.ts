/** Region profiles: loaded and validated, effective-dated, and consistent with the workflow definitions. */
import { describe, expect, it } from 'vitest';
import { LIFECYCLES, REGION_IDS, REGION_PROFILES, RegionProfileError, regionProfile, roleLabel, validateProfile, workflowsFor, type RegionProfile } from '../src/index.js';

describe('region profiles', () => {
  it('has the five regions with the lifecycles DOMAIN.md assigns them', () => {
    expect(Object.keys(REGION_PROFILES).sort()).toEqual([...REGION_IDS].sort());
    expect(workflowsFor('jiyuan').map((w) => w.id)).toEqual(['qualificationReview']);
    expect(workflowsFor('beijing').map((w) => w.id)).toEqual(['certification', 'warningToExit']);
    expect(workflowsFor('luoyang').map((w) => w.id)).toEqual(['selfInspectToCertificate']);
    expect(workflowsFor('kaizhou').map((w) => w.id).sort()).toEqual(['certification', 'selfInspectToCertificate']);
  });

  it('names Inner Mongolia\'s administrative levels 苏木乡镇 / 嘎查村 (seed 004 §二(三)5)', () => {
    const labels = regionProfile('inner-mongolia').adminLevels.map((l) => l.label.zh);
    expect(labels).toEqual(['盟市', '旗县', '苏木乡镇', '嘎查村', '生产主体']);
  });

  it('carries the dashboard targets of the seeds', () => {
    const value = (region: string, metric: string) => regionProfile(region).targets.find((t) => t.metric === metric)?.value;
    expect([value('kaizhou', 'monitoringTasks'), value('kaizhou', 'supervisorySampling'), value('kaizhou', 'enforcementCases')]).toEqual([1005, 201, 3]);
    expect([value('luoyang', 'rapidTests'), value('luoyang', 'certificates'), value('luoyang', 'inputQualityChecks'), value('luoyang', 'outreachEvents')]).toEqual([1800, 320_000, 4, 2]);
    expect([value('inner-mongolia', 'routinePassRate'), value('jiyuan', 'antibodyPassRate'), value('jiyuan', 'samplingShare')]).toEqual([98, 70, 25]);
  });

  it('uses the region\'s own role names', () => {
    expect(regionProfile('beijing').roleLabels['expert-office']?.zh).toBe('北京市减量化行动专家工作办公室');
    expect(regionProfile('jiyuan').roleLabels.district?.zh).toBe('示范区农业农村局防疫检疫科');
    expect(roleLabel('inner-mongolia', 'inspector').zh).toBe('苏木乡镇监管员、嘎查村协管员');
    expect(roleLabel('luoyang', 'expert-office')).toEqual({ zh: '专家工作办公室', en: 'Expert office' }); // default
    expect(() => roleLabel('luoyang', 'boss')).toThrow(/unknown role/);
  });

  it('refuses a broken profile at load with every problem, in both languages', () => {
    const broken = structuredClone(regionProfile('jiyuan')) as RegionProfile;
    broken.lifecycles = ['qualificationReview', 'nonsense' as never];
    broken.parameters[1]!.effectiveFrom = '2024-01-01';
    broken.parameters[0]!.values.qualification!.passRatePercent = 170;
    (broken.roleLabels as Record<string, unknown>).boss = { zh: '老板', en: 'Boss' };
    let error: unknown;
    try {
      validateProfile(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegionProfileError);
    const issues = (error as RegionProfileError).issues.map((i) => i.path);
    expect(issues).toEqual(
      expect.arrayContaining(['/lifecycles/1', '/parameters/1/effectiveFrom', '/parameters/1/id', '/parameters/0/values/qualification/passRatePercent', '/roleLabels/boss']),
    );
    expect((error as RegionProfileError).messageZh).toContain('地区配置 jiyuan 无效');
  });

  it('refuses a profile missing the parameters a lifecycle needs', () => {
    const broken = structuredClone(regionProfile('luoyang')) as RegionProfile;
    broken.lifecycles = ['selfInspectToCertificate', 'certification'];
    expect(() => validateProfile(broken)).toThrow(/certification needs the certification parameters/);
  });

  it('keeps the static deadlines of the definitions equal to every region\'s parameters', () => {
    // The engine's deadlines belong to a workflow definition, so a region with other numbers would
    // need its own workflow version; this test fails the day a profile diverges.
    const deadline = (workflow: keyof typeof LIFECYCLES, path: string, send: string) =>
      LIFECYCLES[workflow].deadlines.get(path)!.find((d) => d.send === send)!.after;
    for (const profile of Object.values(REGION_PROFILES)) {
      for (const version of profile.parameters) {
        const { certification, qualification, certificate } = version.values;
        if (certification) {
          expect(deadline('certification', 'certified', 'RE_EVALUATION_DUE')).toEqual({ years: certification.reEvaluationYears });
          expect(deadline('certification', 'suspended', 'RECTIFICATION_DUE')).toEqual({ months: certification.rectificationMonths });
        }
        if (qualification) {
          expect(deadline('qualificationReview', 'claimNotice', 'NOTICE_ENDS')).toEqual({ workingDays: qualification.claimNoticeWorkingDays });
          expect(deadline('qualificationReview', 'sampling', 'RESULTS_OVERDUE')).toEqual({ fromData: 'sampling.sampledOn', offset: { workingDays: qualification.resultsWorkingDays } });
        }
        if (certificate) expect(deadline('selfInspectToCertificate', 'certified', 'RETENTION_ENDS')).toEqual({ months: certificate.retentionMonths });
      }
    }
  });
});
