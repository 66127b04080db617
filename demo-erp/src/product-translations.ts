import { ErpProductTranslation } from '@hub/erp-contract';

/**
 * The demo ERP's item texts in Swedish, Spanish and Polish, as a Nordic/Iberian/Polish distributor's
 * ERP keeps them. Keyed by product family (the SKU's prefix); the variant ("4x40", "M8x20") is taken
 * from the English name, so every product of a translated family has its texts. Families not listed
 * have English texts only (the hub then falls back to them).
 */
type Texts = Record<'sv' | 'es' | 'pl', { name: (variant: string) => string; description: string }>;

const FAMILY_TEXTS: Record<string, { english: RegExp; texts: Texts }> = {
  HB: {
    english: /^Hex bolt (.+) zinc plated$/,
    texts: {
      sv: { name: (v) => `Sexkantskruv ${v} förzinkad`, description: 'DIN 933 sexkantskruv, hållfasthetsklass 8.8, elförzinkad.' },
      es: { name: (v) => `Tornillo hexagonal ${v} cincado`, description: 'Tornillo de cabeza hexagonal DIN 933, calidad 8.8, electrocincado.' },
      pl: { name: (v) => `Śruba sześciokątna ${v} ocynkowana`, description: 'Śruba z łbem sześciokątnym DIN 933, klasa 8.8, ocynkowana galwanicznie.' },
    },
  },
  WS: {
    english: /^Wood screw (.+) countersunk$/,
    texts: {
      sv: { name: (v) => `Träskruv ${v} försänkt`, description: 'Spånskivsskruv med Torx-spår och borrspets, gulförzinkad. En skruv för trä.' },
      es: { name: (v) => `Tornillo para madera ${v} avellanado`, description: 'Tornillo para aglomerado con cabeza Torx y punta de corte, cincado amarillo.' },
      pl: { name: (v) => `Wkręt do drewna ${v} stożkowy`, description: 'Wkręt do płyt wiórowych z gniazdem Torx i ostrzem tnącym, ocynk żółty.' },
    },
  },
  AN: {
    english: /^Concrete anchor (.+)$/,
    texts: {
      sv: { name: (v) => `Betongankare ${v}`, description: 'Genomgående ankare för sprucken och osprucken betong, ETA-godkänt.' },
      es: { name: (v) => `Anclaje para hormigón ${v}`, description: 'Anclaje pasante para hormigón fisurado y no fisurado, con ETA.' },
      pl: { name: (v) => `Kotwa do betonu ${v}`, description: 'Kotwa przelotowa do betonu zarysowanego i niezarysowanego, z aprobatą ETA.' },
    },
  },
  CD: {
    english: /^Cordless drill (.+)$/,
    texts: {
      sv: { name: (v) => `Sladdlös borrmaskin ${v}`, description: 'Tvåväxlad, LED-arbetsljus, levereras i väska utan batteri.' },
      es: { name: (v) => `Taladro inalámbrico ${v}`, description: 'Caja de dos velocidades, luz LED, en maletín sin batería.' },
      pl: { name: (v) => `Wiertarka akumulatorowa ${v}`, description: 'Dwubiegowa przekładnia, oświetlenie LED, w walizce bez akumulatora.' },
    },
  },
  GL: {
    english: /^Work gloves (.+)$/,
    texts: {
      sv: { name: (v) => `Arbetshandskar ${v}`, description: 'Greppvänliga handskar certifierade enligt EN 388, ventilerande ovansida.' },
      es: { name: (v) => `Guantes de trabajo ${v}`, description: 'Guantes de agarre certificados EN 388, dorso transpirable.' },
      pl: { name: (v) => `Rękawice robocze ${v}`, description: 'Rękawice chwytne z certyfikatem EN 388, oddychający grzbiet.' },
    },
  },
  SL: {
    english: /^Silicone sealant (.+)$/,
    texts: {
      sv: { name: (v) => `Silikonfogmassa ${v}`, description: 'Neutralhärdande silikon, mögelresistent, för fogar upp till 25 mm.' },
      es: { name: (v) => `Silicona selladora ${v}`, description: 'Silicona neutra, resistente al moho, para juntas de hasta 25 mm.' },
      pl: { name: (v) => `Silikon uszczelniający ${v}`, description: 'Silikon neutralny, odporny na pleśń, do spoin do 25 mm.' },
    },
  },
};

/** The sentence the ERP adds to professional (P) and economy (E) line items, per language. */
const LINE_SENTENCES: Record<'sv' | 'es' | 'pl', Record<string, string>> = {
  sv: { P: ' Proffskvalitet med förlängd garanti.', E: ' Ekonomilinje för tillfälligt bruk.' },
  es: { P: ' Calidad profesional con garantía ampliada.', E: ' Línea económica para uso ocasional.' },
  pl: { P: ' Jakość profesjonalna z przedłużoną gwarancją.', E: ' Linia ekonomiczna do okazjonalnego użytku.' },
};

/** The ERP's translations of one item, or null when its family has none (or the name is not the family's pattern). */
export function productTranslations(sku: string, englishName: string): Record<string, ErpProductTranslation> | null {
  const [familyCode, rest = ''] = sku.split('-');
  const family = FAMILY_TEXTS[familyCode];
  // The line prefix ("PRO ", "ECO ") is the ERP's label in every language.
  const match = /^((?:PRO |ECO )?)(.*)$/.exec(englishName)!;
  const variant = family?.english.exec(match[2])?.[1];
  if (!family || variant === undefined) return null;
  return Object.fromEntries(
    (Object.entries(family.texts) as Array<[keyof Texts, Texts[keyof Texts]]>).map(([language, t]) => [
      language,
      { name: `${match[1]}${t.name(variant)}`, description: `${t.description}${LINE_SENTENCES[language][rest[0]] ?? ''}` },
    ]),
  );
}
