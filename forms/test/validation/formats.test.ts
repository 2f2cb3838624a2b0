/**
 * Chinese formats with checksums. Every valid example's check character is worked out by hand below, so
 * the tests do not trust the code they test; each invalid example breaks exactly one rule.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  addChineseFormats,
  checkChineseFormat,
  createFormValidator,
  residentIdCheckChar,
  usccCheckChar,
} from '../../src/validation/index.js';
import { defineForm } from './fixtures.js';

const ajv = addChineseFormats(new Ajv2020({ strict: true }));
const valid = (format: string, value: string): boolean => ajv.validate({ type: 'string', format }, value);

describe('cn-mobile', () => {
  it('accepts 11 digits starting with 13–19', () => {
    for (const v of ['13812345678', '15000000000', '19912345678', '16600001111']) expect(valid('cn-mobile', v)).toBe(true);
  });
  it('refuses other shapes', () => {
    // second digit 2; 10 digits; 12 digits; country prefix; spaces; landline
    for (const v of ['12812345678', '1381234567', '138123456789', '+8613812345678', '138 1234 5678', '01012345678']) {
      expect(valid('cn-mobile', v)).toBe(false);
    }
  });
});

describe('cn-resident-id (GB 11643, ISO 7064 MOD 11-2)', () => {
  // Weights for positions 1–17: 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; check = "10X98765432"[Σ mod 11].
  //
  // 11010519491231002X (北京朝阳, born 1949-12-31):
  //   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
  //   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'
  // 440524188001010014 (广东汕头, born 1880-01-01):
  //   4·7 + 4·9 + 0 + 5·5 + 2·8 + 4·4 + 1·2 + 8·1 + 8·6 + 0 + 0 + 1·9 + 0 + 1·5 + 0 + 0 + 1·2
  //   = 28+36+25+16+16+2+8+48+9+5+2 = 195; 195 mod 11 = 8 → '4'
  // 320106200002291230 (南京鼓楼, born 2000-02-29, a leap day):
  //   3·7 + 2·9 + 0 + 1·5 + 0 + 6·4 + 2·2 + 0 + 0 + 0 + 0 + 2·9 + 2·10 + 9·5 + 1·8 + 2·4 + 3·2
  //   = 21+18+5+24+4+18+20+45+8+8+6 = 177; 177 mod 11 = 1 → '0'
  const ids = ['11010519491231002X', '440524188001010014', '320106200002291230'];

  it('accepts IDs whose check character was computed by hand', () => {
    for (const id of ids) expect(valid('cn-resident-id', id)).toBe(true);
    expect(ids.map((id) => residentIdCheckChar(id.slice(0, 17)))).toEqual(['X', '4', '0']);
  });

  it('refuses a wrong check digit', () => {
    expect(valid('cn-resident-id', '110105194912310021')).toBe(false);
    expect(checkChineseFormat('cn-resident-id', '110105194912310021')).toEqual({
      zh: '校验位（最后一位）不正确，请核对',
      en: 'the check digit (the last one) is wrong; please check',
    });
  });

  it('refuses an impossible birth date even with a correct check digit', () => {
    // 320106190002291234: 1900 is not a leap year, so 1900-02-29 does not exist. Check digit:
    //   3·7 + 2·9 + 0 + 1·5 + 0 + 6·4 + 1·2 + 9·1 + 0 + 0 + 0 + 2·9 + 2·10 + 9·5 + 1·8 + 2·4 + 3·2
    //   = 21+18+5+24+2+9+18+20+45+8+8+6 = 184; 184 mod 11 = 8 → '4' (correct), yet refused for the date.
    expect(residentIdCheckChar('32010619000229123')).toBe('4');
    expect(checkChineseFormat('cn-resident-id', '320106190002291234')?.en).toBe('the birth date (digits 7–14) is not a valid date');
    // month 13
    expect(checkChineseFormat('cn-resident-id', '110105194913310021')?.zh).toBe('出生日期（第 7–14 位）无效');
  });

  it('refuses a birth date in the future (relative to the given clock)', () => {
    const before1950 = new Date('1949-06-01T00:00:00Z');
    expect(checkChineseFormat('cn-resident-id', '11010519491231002X', before1950)?.en).toMatch(/birth date/);
  });

  it('refuses bad shapes and region codes', () => {
    expect(checkChineseFormat('cn-resident-id', '11010519491231002x')?.en).toMatch(/capital X/); // lowercase x
    expect(checkChineseFormat('cn-resident-id', '110105491231002')?.en).toMatch(/18-character resident ID/); // old 15-digit
    // 990105…: 99 is not a province. (Check digit irrelevant: the region fails first.)
    expect(checkChineseFormat('cn-resident-id', '99010519491231002X')?.zh).toBe('地区码（前 6 位）无效');
  });
});

describe('cn-uscc (GB 32100-2015, weighted mod 31)', () => {
  // Alphabet (value = index): 0–9 → 0–9, A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24
  // R25 T26 U27 W28 X29 Y30. Weights 3^(i-1) mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
  // Check value = (31 − Σ mod 31) mod 31.
  //
  // 91350100M000100Y43:
  //   9·1 + 1·3 + 3·9 + 5·27 + 0 + 1·26 + 0 + 0 + M21·20 + 0 + 0 + 0 + 1·8 + 0 + 0 + Y30·30 + 4·28
  //   = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28 (31·52 = 1612); 31 − 28 = 3 → '3'
  // 93110108MA0123456A (a farmers' cooperative, 93):
  //   9·1 + 3·3 + 1·9 + 1·27 + 0 + 1·26 + 0 + 8·17 + M21·20 + A10·29 + 0 + 1·13 + 2·8 + 3·24 + 4·10 + 5·30 + 6·28
  //   = 9+9+9+27+26+136+420+290+13+16+72+40+150+168 = 1385; 1385 mod 31 = 21 (31·44 = 1364); 31 − 21 = 10 → 'A'
  const codes = ['91350100M000100Y43', '93110108MA0123456A'];

  it('accepts codes whose check character was computed by hand', () => {
    for (const code of codes) expect(valid('cn-uscc', code)).toBe(true);
    expect(codes.map((code) => usccCheckChar(code.slice(0, 17)))).toEqual(['3', 'A']);
  });

  it('refuses a wrong check character', () => {
    expect(checkChineseFormat('cn-uscc', '91350100M000100Y44')?.zh).toBe('校验码（最后一位）不正确，请核对');
    expect(valid('cn-uscc', '93110108MA0123456B')).toBe(false);
  });

  it('refuses the letters I, O, Z, S, V and lowercase', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const code = `91350100${letter}000100Y43`;
      expect(valid('cn-uscc', code)).toBe(false);
      expect(checkChineseFormat('cn-uscc', code)?.en).toMatch(/no I, O, Z, S, V/);
    }
    expect(valid('cn-uscc', '91350100m000100y43')).toBe(false);
  });

  it('refuses letters where the division code belongs and wrong lengths', () => {
    expect(checkChineseFormat('cn-uscc', '9135A100M000100Y43')?.en).toMatch(/characters 3–8/);
    expect(valid('cn-uscc', '91350100M000100Y4')).toBe(false);
  });
});

describe('cn-division', () => {
  it('accepts county (6), township (9) and village (12) codes in real provinces', () => {
    // 410329 伊川县 (洛阳), 150000 内蒙古, 110105001 建外街道, 110105001001 a community under it, 820000 澳门
    for (const v of ['410329', '150000', '110105001', '110105001001', '820000']) expect(valid('cn-division', v)).toBe(true);
  });
  it('refuses other lengths and unknown provinces', () => {
    for (const v of ['41032', '4103290', '1101050010', '41032900100a']) {
      expect(checkChineseFormat('cn-division', v)?.en).toMatch(/6 \(county\), 9 \(township\) or 12/);
    }
    for (const v of ['990000', '190101', '100000', '720000']) {
      expect(checkChineseFormat('cn-division', v)?.zh).toBe('行政区划代码的省级代码无效');
    }
  });
});

describe('date and date-time (ajv-formats)', () => {
  it('checks real calendar dates and full date-times', () => {
    expect(valid('date', '2024-02-29')).toBe(true);
    expect(valid('date', '2023-02-29')).toBe(false);
    expect(valid('date', '2024/05/01')).toBe(false);
    expect(valid('date-time', '2024-05-01T08:30:00+08:00')).toBe(true);
    expect(valid('date-time', '2024-05-01T08:30:00')).toBe(false); // a date-time needs its time zone
  });
});

describe('format issues through the form validator', () => {
  const form = defineForm(
    {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'cn-resident-id' },
        code: { type: 'string', format: 'cn-uscc' },
        phone: { type: 'string', format: 'cn-mobile' },
        area: { type: 'string', format: 'cn-division' },
        day: { type: 'string', format: 'date' },
      },
    },
    {
      id: { kind: 'text', label: { zh: '身份证号码', en: 'Resident ID' } },
      code: { kind: 'text', label: { zh: '信用代码', en: 'Credit code' } },
      phone: { kind: 'text', label: { zh: '手机', en: 'Phone' } },
      area: { kind: 'division', label: { zh: '地区', en: 'Area' } },
      day: { kind: 'date', label: { zh: '日期', en: 'Day' } },
    },
  );
  const validator = createFormValidator(form);

  it('gives the precise bilingual reason after the label', () => {
    const { ok, issues } = validator.validate({
      id: '110105194912310021',
      code: '91350100M000100Y44',
      phone: '12812345678',
      area: '990000',
      day: '2023-02-29',
    });
    expect(ok).toBe(false);
    expect(issues).toEqual([
      { path: '/id', message: 'Resident ID: the check digit (the last one) is wrong; please check', messageZh: '身份证号码：校验位（最后一位）不正确，请核对' },
      {
        path: '/code',
        message: 'Credit code: the check character (the last one) is wrong; please check',
        messageZh: '信用代码：校验码（最后一位）不正确，请核对',
      },
      {
        path: '/phone',
        message: 'Phone: must be an 11-digit mobile number starting with 13–19',
        messageZh: '手机：应为 11 位手机号码，以 13–19 开头',
      },
      {
        path: '/area',
        message: 'Area: division code does not start with a valid province code',
        messageZh: '地区：行政区划代码的省级代码无效',
      },
      { path: '/day', message: 'Day: must be a valid date (YYYY-MM-DD)', messageZh: '日期：应为有效日期（YYYY-MM-DD）' },
    ]);
  });

  it('accepts the hand-checked examples', () => {
    expect(
      validator.validate({ id: '440524188001010014', code: '93110108MA0123456A', phone: '19912345678', area: '110105001', day: '2024-02-29' }),
    ).toEqual({ ok: true, issues: [] });
  });
});
