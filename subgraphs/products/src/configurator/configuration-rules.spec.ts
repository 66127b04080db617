import { specConfigurationRecords } from './configuration.spec-fixture';
import { configurationKey, evaluateConfiguration } from './configuration-rules';

const [windowRecord, doorRecord] = specConfigurationRecords();
const window = { options: windowRecord.options, rules: windowRecord.rules, area: windowRecord.area ?? null, pricePerSquareMetre: windowRecord.pricePerSquareMetre ?? null };
const door = { options: doorRecord.options, rules: doorRecord.rules, area: null, pricePerSquareMetre: null };
const GOOD = [
  { code: 'WIDTH', value: '1200' }, { code: 'HEIGHT', value: '1400' }, { code: 'OPENING', value: 'TILT_TURN' }, { code: 'GLAZING', value: 'TRIPLE' },
  { code: 'FRAME', value: 'THERMAL' }, { code: 'COLOUR', value: 'OAK' }, { code: 'HANDLE', value: 'STANDARD' },
];
const replace = (options: typeof GOOD, code: string, value: string | null) => [...options.filter((o) => o.code !== code), ...(value === null ? [] : [{ code, value }])];
const codes = (options: Array<{ code: string; value: string }>, config = window) => evaluateConfiguration(config, options).brokenRules.map((r) => [r.code, r.option, r.ruleCode]);

describe('evaluateConfiguration', () => {
  it('prices a valid configuration: the price per m² of the area, fixed prices and prices per m² of the values chosen (exact decimals)', () => {
    const e = evaluateConfiguration(window, GOOD);
    expect(e.brokenRules).toEqual([]);
    expect(e.areaSquareMetres!.toFixed()).toBe('1.68');
    // 1.68 × 85 (size) + 45 (tilt and turn) + 1.68 × 42.50 (triple) + 38 (thermal) + 1.68 × 24 (oak); the standard handle adds nothing.
    expect(e.components.map((c) => [c.label, c.amount.toFixed()])).toEqual([
      ['Size 1200 × 1400 mm (1.68 m²)', '142.8'], ['Opening: Tilt and turn', '45'], ['Glazing: Triple glazing', '71.4'], ['Frame: Thermal 82 mm', '38'], ['Colour: Golden oak foil', '40.32'],
    ]);
    expect(e.summary).toBe('Width 1200 mm, Height 1400 mm, Opening: Tilt and turn, Glazing: Triple glazing, Frame: Thermal 82 mm, Colour: Golden oak foil, Handle: Standard handle');
  });

  it('normalises codes, values and order: the same configuration, the same key', () => {
    const shuffled = [...GOOD].reverse().map((o) => ({ code: ` ${o.code.toLowerCase()} `, value: o.code === 'WIDTH' ? '1200.00' : o.value.toLowerCase() }));
    const a = evaluateConfiguration(window, GOOD);
    const b = evaluateConfiguration(window, shuffled);
    expect(b.brokenRules).toEqual([]);
    expect(b.options).toEqual(a.options);
    expect(configurationKey(b.options)).toBe(configurationKey(a.options));
  });

  it("checks a dimension's range and step counted from its minimum", () => {
    expect(codes(replace(GOOD, 'WIDTH', '600'))).toEqual([]);
    expect(codes(replace(GOOD, 'WIDTH', '2400'))).toEqual([]);
    expect(codes(replace(GOOD, 'WIDTH', '590'))).toEqual([['OUT_OF_RANGE', 'WIDTH', null]]);
    expect(codes(replace(GOOD, 'WIDTH', '2410'))).toEqual([['OUT_OF_RANGE', 'WIDTH', null]]);
    expect(codes(replace(GOOD, 'WIDTH', '1205'))).toEqual([['OFF_STEP', 'WIDTH', null]]);
    expect(codes(replace(GOOD, 'WIDTH', '1200.5'))).toEqual([['OFF_STEP', 'WIDTH', null]]);
    for (const bad of ['1e3', '', ' ', '12,00', 'NaN']) expect(codes(replace(GOOD, 'WIDTH', bad))[0][0]).toMatch(/NOT_A_NUMBER|MISSING_OPTION/);
    // The door's width: 800 to 1200 in steps of 50.
    const doorGood = [{ code: 'WIDTH', value: '850' }, { code: 'HEIGHT', value: '2100' }, { code: 'PANEL', value: 'SOLID' }, { code: 'COLOUR', value: 'WHITE' }, { code: 'FRAME', value: 'STANDARD' }, { code: 'LOCK', value: 'MULTIPOINT' }];
    expect(codes(doorGood, door)).toEqual([]);
    expect(codes(replace(doorGood, 'WIDTH', '875'), door)).toEqual([['OFF_STEP', 'WIDTH', null]]);
    // Without an area the door's price is its options' fixed prices only.
    expect(evaluateConfiguration(door, doorGood).components.map((c) => c.amount.toFixed())).toEqual(['90']);
  });

  it("judges the ERP's combinations: REQUIRES a value, REQUIRES any value, EXCLUDES", () => {
    expect(codes(replace(GOOD, 'FRAME', 'STANDARD'))).toEqual([['REQUIRES', 'FRAME', 'W-TRIPLE-THERMAL']]);
    expect(codes(replace(GOOD, 'HANDLE', null))).toEqual([['REQUIRES', 'HANDLE', 'W-OPENING-HANDLE']]);
    expect(codes(replace(GOOD, 'OPENING', 'FIXED'))).toEqual([['EXCLUDES', 'HANDLE', 'W-FIXED-HANDLE']]);
    expect(codes(replace(replace(GOOD, 'OPENING', 'FIXED'), 'HANDLE', null))).toEqual([]);
    // A rule about an option that is itself broken is not judged again.
    expect(codes(replace(GOOD, 'GLAZING', 'QUADRUPLE'))).toEqual([['UNKNOWN_VALUE', 'GLAZING', null]]);
  });

  it('reports every broken rule, options first, and prices nothing then', () => {
    const e = evaluateConfiguration(window, [...replace(replace(GOOD, 'COLOUR', null), 'FRAME', 'STANDARD'), { code: 'WIDTH', value: '1300' }, { code: 'SHUTTER', value: 'YES' }]);
    expect(e.brokenRules.map((r) => [r.code, r.option])).toEqual([['DUPLICATE_OPTION', 'WIDTH'], ['UNKNOWN_OPTION', 'SHUTTER'], ['MISSING_OPTION', 'COLOUR'], ['REQUIRES', 'FRAME']]);
    expect(e.components).toEqual([]);
    expect(e.brokenRules.every((r) => r.text.length > 0)).toBe(true);
  });
});
