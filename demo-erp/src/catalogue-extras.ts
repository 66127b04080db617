import { ErpProductRecord } from '@hub/erp-contract';
import { hash32 } from './random';

/** Countries of origin (with their accents, so that accent-insensitive search has something to do). */
const ORIGINS = ['España', 'Österreich', 'Česko', 'Sverige', 'Polska', 'Deutschland', 'Türkiye'];
const FAMILY_SPECS: Record<string, Array<[name: string, value: string, unit?: string]>> = {
  HB: [['Standard', 'DIN 933'], ['Strength class', '8.8'], ['Coating', 'zinc plated']],
  WS: [['Drive', 'Torx'], ['Head', 'countersunk'], ['Coating', 'yellow zinc']],
  AN: [['Approval', 'ETA option 1'], ['Material', 'galvanised steel']],
  CD: [['Voltage', '18', 'V'], ['Chuck', '13', 'mm']],
  AG: [['Disc diameter', '125', 'mm'], ['Power', '1200', 'W']],
  BT: [['Chemistry', 'Li-ion'], ['Voltage', '18', 'V']],
  ST: [['Grade', 'S235JR'], ['Length', '6', 'm']],
  TB: [['Standard', 'EN 10219'], ['Length', '6', 'm']],
  SL: [['Cure', 'neutral'], ['Volume', '300', 'ml']],
  PF: [['Components', '1'], ['Volume', '750', 'ml']],
  TA: [['Class', 'C2TE'], ['Weight', '25', 'kg']],
  GL: [['Standard', 'EN 388'], ['Coating', 'nitrile']],
  SB: [['Protection', 'S3'], ['Toe cap', 'composite']],
  HV: [['Standard', 'EN ISO 20471'], ['Class', '2']],
  CB: [['Voltage', '450/750', 'V'], ['Sheath', 'PVC']],
  SW: [['Rating', '10 AX 250', 'V'], ['Mounting', 'flush']],
  LD: [['Colour temperature', '4000', 'K'], ['Glare', 'UGR < 19']],
  DB: [['Case', 'metal']],
  SA: [['Fixing', 'hook and loop']],
  CT: [['Material', 'steel and inox']],
};

export type CatalogueExtras = Required<Pick<ErpProductRecord, 'specifications' | 'images' | 'relatedSkus' | 'substituteSkus'>> & Pick<ErpProductRecord, 'webAssortment'>;

/**
 * Specifications, pictures, related and substitute items and the web assortment of one item.
 * `neighbour(k)` names the SKU of another item of the same family (k = 1, 2, ...).
 */
export function catalogueExtras(seed: number, index: number, sku: string, neighbour: (k: number) => string | null, restrictAssortment: boolean): CatalogueExtras {
  const family = sku.slice(0, 2);
  const specs = (FAMILY_SPECS[family] ?? []).map(([name, value, unit]) => ({ name, value, unit: unit ?? null }));
  specs.push({ name: 'Origin', value: ORIGINS[hash32(seed, index, 71) % ORIGINS.length], unit: null });
  const images: CatalogueExtras['images'] = [{ url: `https://media.demo-erp.example/items/${sku}.jpg`, kind: 'PHOTO', caption: null }];
  if (hash32(seed, index, 72) % 3 === 0) images.push({ url: `https://media.demo-erp.example/items/${sku}-drawing.svg`, kind: 'DIAGRAM', caption: 'Dimensions' });
  const related = [neighbour(1), neighbour(2)].filter((s): s is string => !!s && s !== sku);
  const substitute = [neighbour(-1)].filter((s): s is string => !!s && s !== sku);
  // Most items are on the web for everyone; a few only for signed-in customers, or only for wholesalers.
  let webAssortment: string[] | null = null;
  if (restrictAssortment) {
    const r = hash32(seed, index, 73) % 20;
    if (r === 0) webAssortment = ['CUSTOMERS'];
    else if (r === 1) webAssortment = ['WHOLESALE'];
  }
  return { specifications: specs, images, relatedSkus: related, substituteSkus: substitute, webAssortment };
}
