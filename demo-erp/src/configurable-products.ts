import { ErpPriceRecord, ErpProductConfigurationRecord, ErpProductRecord } from '@hub/erp-contract';

/**
 * The demo ERP's configurable products (P7): a PVC window and an entrance door, each an item with a
 * base price (price rules like any item's) and a configuration of options, allowed combinations and
 * option prices (the extension kind `productConfigurations`, keyed by SKU).
 */
export const CONFIGURABLE_WINDOW_SKU = 'WIN-CFG-01';
export const CONFIGURABLE_DOOR_SKU = 'DOOR-CFG-01';

export function configurableProducts(): ErpProductRecord[] {
  const base = { currency: 'EUR', minStock: '0', categoryCodes: ['MADE-TO-MEASURE'], active: true, minOrderQuantity: '1', specifications: [], images: [], relatedSkus: [], substituteSkus: [], webAssortment: null };
  return [
    {
      ...base, sku: CONFIGURABLE_WINDOW_SKU, name: 'PVC window, made to measure', unit: 'piece', listPrice: '120.00',
      description: 'Tilt-and-turn or fixed PVC window built to your width and height, with the glazing, frame, colour and handle you choose.',
    },
    {
      ...base, sku: CONFIGURABLE_DOOR_SKU, name: 'Entrance door, made to measure', unit: 'piece', listPrice: '640.00',
      description: 'Insulated aluminium entrance door built to your size, with a solid or glazed panel, your colour and lock.',
    },
  ];
}

/** Wholesalers buy the configurable items' base at 10 % off (their options cost the same). */
export function configurablePrices(): ErpPriceRecord[] {
  return configurableProducts().map((p) => ({
    key: `G:WHOLESALE:${p.sku}:1`, sku: p.sku, customerNumber: null, customerGroup: 'WHOLESALE', minQuantity: '1',
    price: (Number(p.listPrice) * 0.9).toFixed(2), currency: p.currency, validFrom: null, validTo: null, promotion: false,
  }));
}

export function productConfigurationRecords(): ErpProductConfigurationRecord[] {
  return [
    {
      key: CONFIGURABLE_WINDOW_SKU,
      sku: CONFIGURABLE_WINDOW_SKU,
      currency: 'EUR',
      area: { width: 'WIDTH', height: 'HEIGHT' },
      pricePerSquareMetre: '85.00',
      options: [
        { code: 'WIDTH', name: 'Width', kind: 'DIMENSION', required: true, unit: 'mm', min: '600', max: '2400', step: '10' },
        { code: 'HEIGHT', name: 'Height', kind: 'DIMENSION', required: true, unit: 'mm', min: '600', max: '2200', step: '10' },
        { code: 'OPENING', name: 'Opening', kind: 'CHOICE', required: true, values: [{ code: 'TILT_TURN', name: 'Tilt and turn', price: '45.00' }, { code: 'FIXED', name: 'Fixed' }] },
        {
          code: 'GLAZING', name: 'Glazing', kind: 'CHOICE', required: true,
          values: [{ code: 'DOUBLE', name: 'Double glazing' }, { code: 'TRIPLE', name: 'Triple glazing', pricePerSquareMetre: '42.50' }, { code: 'SAFETY', name: 'Laminated safety glass', pricePerSquareMetre: '58.00' }],
        },
        { code: 'FRAME', name: 'Frame', kind: 'CHOICE', required: true, values: [{ code: 'STANDARD', name: 'Standard 70 mm' }, { code: 'THERMAL', name: 'Thermal 82 mm', price: '38.00' }] },
        { code: 'COLOUR', name: 'Colour', kind: 'CHOICE', required: true, values: [{ code: 'WHITE', name: 'White' }, { code: 'ANTHRACITE', name: 'Anthracite grey', price: '29.90' }, { code: 'OAK', name: 'Golden oak foil', pricePerSquareMetre: '24.00' }] },
        { code: 'HANDLE', name: 'Handle', kind: 'CHOICE', required: false, values: [{ code: 'STANDARD', name: 'Standard handle', price: '0.00' }, { code: 'LOCKABLE', name: 'Lockable handle', price: '18.50' }] },
      ],
      rules: [
        { code: 'W-TRIPLE-THERMAL', kind: 'REQUIRES', when: { option: 'GLAZING', value: 'TRIPLE' }, then: { option: 'FRAME', value: 'THERMAL' }, text: 'Triple glazing needs the thermal 82 mm frame.' },
        { code: 'W-OPENING-HANDLE', kind: 'REQUIRES', when: { option: 'OPENING', value: 'TILT_TURN' }, then: { option: 'HANDLE' }, text: 'A tilt-and-turn window needs a handle.' },
        { code: 'W-FIXED-HANDLE', kind: 'EXCLUDES', when: { option: 'OPENING', value: 'FIXED' }, then: { option: 'HANDLE' }, text: 'A fixed window has no handle.' },
      ],
    },
    {
      key: CONFIGURABLE_DOOR_SKU,
      sku: CONFIGURABLE_DOOR_SKU,
      currency: 'EUR',
      area: null,
      pricePerSquareMetre: null,
      options: [
        { code: 'WIDTH', name: 'Width', kind: 'DIMENSION', required: true, unit: 'mm', min: '800', max: '1200', step: '50' },
        { code: 'HEIGHT', name: 'Height', kind: 'DIMENSION', required: true, unit: 'mm', min: '2000', max: '2300', step: '50' },
        { code: 'PANEL', name: 'Panel', kind: 'CHOICE', required: true, values: [{ code: 'SOLID', name: 'Solid panel' }, { code: 'GLAZED', name: 'Glazed panel', price: '150.00' }] },
        { code: 'COLOUR', name: 'Colour', kind: 'CHOICE', required: true, values: [{ code: 'WHITE', name: 'White' }, { code: 'ANTHRACITE', name: 'Anthracite grey', price: '60.00' }] },
        { code: 'FRAME', name: 'Frame', kind: 'CHOICE', required: true, values: [{ code: 'STANDARD', name: 'Standard frame' }, { code: 'REINFORCED', name: 'Reinforced frame', price: '85.00' }] },
        { code: 'LOCK', name: 'Lock', kind: 'CHOICE', required: true, values: [{ code: 'STANDARD', name: 'Cylinder lock' }, { code: 'MULTIPOINT', name: 'Multipoint lock', price: '90.00' }, { code: 'SMART', name: 'Smart lock', price: '240.00' }] },
      ],
      rules: [
        { code: 'D-SMART-REINFORCED', kind: 'REQUIRES', when: { option: 'LOCK', value: 'SMART' }, then: { option: 'FRAME', value: 'REINFORCED' }, text: 'A smart lock needs the reinforced frame.' },
        { code: 'D-GLAZED-STANDARD-LOCK', kind: 'EXCLUDES', when: { option: 'PANEL', value: 'GLAZED' }, then: { option: 'LOCK', value: 'STANDARD' }, text: 'A glazed panel is not sold with the plain cylinder lock.' },
      ],
    },
  ];
}
