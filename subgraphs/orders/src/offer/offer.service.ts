import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { hasPermission, requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { publishEvent } from '@hub/events';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { Decimal, roundMoney } from '@hub/money';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { requireOrderer } from '../order/order-access';
import { OrderEntity } from '../order/order.entity';
import { MAX_NOTES_LENGTH, MAX_ORDER_LINES, MAX_REFERENCE_LENGTH } from '../order/order.inputs';
import { AgreedOrder, OrderPlacementService } from '../order/order-placement.service';
import { normalizeSku, optionalText, wholeQuantity } from '../pricing/line-rules';
import { priceLines } from '../pricing/order-pricing.client';
import { OfferExtraServiceEntity, OfferTermEntity, OfferTermKind, SalesRepCustomerEntity } from './offer-catalogue.entity';
import { OfferContent, OfferContentLine, OfferContentService, OfferEntity, OfferPartner, OfferPricingMode, OfferTerms } from './offer.entity';
import { OFFER_CHANGED_TOPIC } from './offer-events';
import { fetchPartnerCompanies } from './offer-gateway.client';
import { offerAmount, priceByUnit, spreadTotal, unitAmount } from './offer-pricing';
import { OfferRepository } from './offer.repository';
import { OfferVersionEntity } from './offer-version.entity';
import { OfferMailFileEntity } from './offer-mail-file.entity';
import { assertTransition, changeMakesNewVersion, effectiveStatus, OfferStatus, OPEN_STATUSES } from './offer.state-machine';

export const MAX_OFFERS_PER_PAGE = 100;
/** Customers one offer goes to at once. */
export const MAX_OFFER_COMPANIES = 50;
export const MAX_OFFER_SERVICES = 50;
export const DEFAULT_OFFER_VALIDITY_DAYS = 30;
export const MAX_OFFER_VALIDITY_DAYS = 365;
const DAY_MS = 86_400_000;

export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

export const formatOfferNumber = (year: number, n: number): string => `OF-${year}-${String(n).padStart(5, '0')}`;

export interface OfferLineChange {
  sku?: string | null;
  productId?: string | null;
  quantity: unknown;
  unitPrice?: Decimal | null;
  packing?: string | null;
}

export interface OfferServiceChange {
  code: string;
  quantity: Decimal;
  /** Default: the service's price on the staff list. */
  unitPrice?: Decimal | null;
}

export interface OfferTermChoice {
  paymentTermId?: string | null;
  transportTermId?: string | null;
  validityTermId?: string | null;
  notesTermId?: string | null;
}

export interface OfferContentChange {
  title?: string | null;
  validUntil?: string | null;
  pricingMode?: OfferPricingMode | null;
  totalPrice?: Decimal | null;
  lines?: OfferLineChange[] | null;
  services?: OfferServiceChange[] | null;
  terms?: OfferTermChoice | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  logoUrl?: string | null;
}

/** Who is asking about offers: a rep with the companies they may see (null: all, staff.admin), or a customer user of one company. */
type OfferViewer = { kind: 'REP'; viewer: Viewer; companies: ReadonlySet<string> | null } | { kind: 'CUSTOMER'; viewer: Viewer & { companyId: string } };

/**
 * Commercial offers (O11). Sales reps (staff.sales) make them for the customer companies assigned
 * to them (staff.admin: any), several customers at once (one offer each, same content), copy them,
 * change them (a new version once sent) and send them; the customer's users (orders.view) list,
 * search and open them (opening marks them VIEWED) and accept them wholly or per line into an
 * order through the ordering path (OrderPlacementService, at the offered prices while valid), or
 * reject them. Every read is checked against the assignment or the customer's company; what the
 * viewer may not see is NOT_FOUND.
 */
export class OfferService {
  constructor(
    private readonly em: EntityManager,
    private readonly offers: OfferRepository,
    private readonly placement: OrderPlacementService,
    private readonly gatewayUrl: () => string,
    private readonly bearer: string | undefined,
    /** The offer as a file (its current version, with the branding), to mail when it is sent. */
    private readonly document: (offer: OfferEntity, format: 'PDF' | 'XLSX') => Promise<{ fileName: string; contentType: string; content: Buffer }>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private repCompanies: Promise<ReadonlySet<string> | null> | null = null;

  /** A sales rep with the companies they look after (staff.admin: every company); read once per request. */
  async rep(viewer: Viewer | null): Promise<{ viewer: Viewer; companies: ReadonlySet<string> | null }> {
    const v = requireStaffPermission(viewer, 'staff.sales');
    this.repCompanies ??= v.permissions.includes('staff.admin') ? Promise.resolve(null) : this.offers.customersOf(v.userId).then((ids) => new Set(ids));
    return { viewer: v, companies: await this.repCompanies };
  }

  /** Whether the viewer may see this offer (for reference resolvers, batched by the caller): false, never an error, for anyone else's. */
  async mayView(viewer: Viewer | null, offer: OfferEntity): Promise<boolean> {
    try {
      return OfferService.sees(await this.offerViewer(viewer), offer);
    } catch {
      return false;
    }
  }

  private async offerViewer(viewer: Viewer | null): Promise<OfferViewer> {
    const v = requireViewer(viewer);
    if (v.kind === 'STAFF') return { kind: 'REP', ...(await this.rep(v)) };
    if (v.kind !== 'CUSTOMER' || !v.companyId || !hasPermission(v, 'orders.view')) throw forbidden('You need the "orders.view" permission.');
    return { kind: 'CUSTOMER', viewer: v as Viewer & { companyId: string } };
  }

  private static sees(who: OfferViewer, offer: OfferEntity): boolean {
    if (who.kind === 'REP') return who.companies === null || who.companies.has(offer.companyId);
    return offer.companyId === who.viewer.companyId && offer.status !== OfferStatus.DRAFT;
  }

  /** An offer the viewer may see; another company's, a customer not assigned and a customer's look at a draft are NOT_FOUND like a missing one. */
  private async visible(viewer: Viewer | null, id: string): Promise<{ who: OfferViewer; offer: OfferEntity }> {
    if (!isUuid(id)) throw badUserInput('Offer id must be a UUID.', 'id');
    const who = await this.offerViewer(viewer);
    const offer = await this.offers.findById(id);
    if (!offer || !OfferService.sees(who, offer)) throw notFound('Offer', id);
    return { who, offer };
  }

  /** For reference resolvers and links: the offer when the viewer may see it, else null (never an error for someone else's). */
  async findVisible(viewer: Viewer | null, id: string): Promise<OfferEntity | null> {
    if (!viewer || !isUuid(id)) return null;
    try {
      return (await this.visible(viewer, id)).offer;
    } catch {
      return null;
    }
  }

  /** Opens an offer; a customer user's first look at what was sent marks it VIEWED. */
  async open(viewer: Viewer | null, id: string): Promise<OfferEntity> {
    const { who, offer } = await this.visible(viewer, id);
    if (who.kind === 'CUSTOMER' && offer.status === OfferStatus.SENT && effectiveStatus(offer.status, offer.validUntil, today(this.now())) === OfferStatus.SENT) {
      if (await this.offers.markViewed(offer.id, offer.version)) await this.announce(this.em, offer.id);
      return (await this.offers.findById(id))!;
    }
    return offer;
  }

  async list(viewer: Viewer | null, args: { first: number; status?: OfferStatus | null; search?: string | null; companyId?: string | null }): Promise<OfferEntity[]> {
    checkPageSize(args.first, { max: MAX_OFFERS_PER_PAGE });
    const who = await this.offerViewer(viewer);
    const search = optionalText(args.search, 'search', 100);
    if (args.companyId !== undefined && args.companyId !== null && !isUuid(args.companyId)) throw badUserInput('companyId must be a UUID.', 'companyId');
    let companyIds: string[] | null;
    if (who.kind === 'CUSTOMER') companyIds = [who.viewer.companyId];
    else if (args.companyId) {
      if (who.companies && !who.companies.has(args.companyId)) throw forbidden('That company is not one of your customers.');
      companyIds = [args.companyId];
    } else companyIds = who.companies ? [...who.companies] : null;
    if (companyIds && companyIds.length === 0) return [];
    // EXPIRED is also what an open offer past its day shows: asked for, those come too (and are written so).
    const statuses = args.status
      ? args.status === OfferStatus.EXPIRED ? [OfferStatus.EXPIRED, ...OPEN_STATUSES] : [args.status]
      : who.kind === 'CUSTOMER' ? Object.values(OfferStatus).filter((s) => s !== OfferStatus.DRAFT) : null;
    const found = await this.offers.list({ companyIds, statuses, search, first: args.first });
    const day = today(this.now());
    const shown = args.status ? found.filter((o) => effectiveStatus(o.status, o.validUntil, day) === args.status) : found;
    await this.offers.expire(found.filter((o) => effectiveStatus(o.status, o.validUntil, day) === OfferStatus.EXPIRED && o.status !== OfferStatus.EXPIRED).map((o) => o.id), day);
    return shown;
  }

  versions(offer: OfferEntity): Promise<OfferVersionEntity[]> {
    return this.offers.versionsOf(offer.id);
  }

  private validUntil(value: string | null | undefined, now: Date): string {
    if (value === null || value === undefined) return today(new Date(now.getTime() + DEFAULT_OFFER_VALIDITY_DAYS * DAY_MS));
    const at = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime()) || today(at) !== value) throw badUserInput('validUntil must be a date (YYYY-MM-DD).', 'validUntil');
    if (value < today(now)) throw badUserInput('validUntil is in the past.', 'validUntil');
    if (value > today(new Date(now.getTime() + MAX_OFFER_VALIDITY_DAYS * DAY_MS))) throw badUserInput(`An offer is valid for at most ${MAX_OFFER_VALIDITY_DAYS} days.`, 'validUntil');
    return value;
  }

  private async terms(choice: OfferTermChoice | null | undefined, current: OfferTerms | null): Promise<OfferTerms> {
    const base: OfferTerms = current ?? { payment: null, transport: null, validity: null, notes: null };
    if (!choice) return base;
    const wanted: Array<[keyof OfferTerms, OfferTermKind, string | null | undefined, string]> = [
      ['payment', OfferTermKind.PAYMENT, choice.paymentTermId, 'terms.paymentTermId'],
      ['transport', OfferTermKind.TRANSPORT, choice.transportTermId, 'terms.transportTermId'],
      ['validity', OfferTermKind.VALIDITY, choice.validityTermId, 'terms.validityTermId'],
      ['notes', OfferTermKind.NOTES, choice.notesTermId, 'terms.notesTermId'],
    ];
    const result = { ...base };
    for (const [part, kind, id, field] of wanted) {
      if (id === undefined) continue;
      if (id === null) {
        result[part] = null;
        continue;
      }
      if (!isUuid(id)) throw badUserInput(`${field} must be a UUID.`, field);
      const term = await this.em.findOne(OfferTermEntity, { id });
      if (!term || !term.active) throw badUserInput(`${field} is not a term on the list.`, field);
      if (term.kind !== kind) throw badUserInput(`${field} is a ${term.kind} term, not a ${kind} one.`, field);
      result[part] = term.text;
    }
    return result;
  }

  /** Looks up the lines' products (as the rep), prices the lines and services, and makes the content. */
  private async content(
    change: { pricingMode: OfferPricingMode; totalPrice: Decimal | null; lines: OfferLineChange[]; services: OfferServiceChange[]; terms: OfferTerms; validUntil: string },
    currency: string,
  ): Promise<OfferContent> {
    const { lines, services } = change;
    if (lines.length === 0 || lines.length > MAX_ORDER_LINES) throw badUserInput(`An offer has 1 to ${MAX_ORDER_LINES} lines.`, 'lines');
    if (services.length > MAX_OFFER_SERVICES) throw badUserInput(`An offer has at most ${MAX_OFFER_SERVICES} services.`, 'services');
    const asked = lines.map((l, i) => {
      if ((l.sku ? 1 : 0) + (l.productId ? 1 : 0) !== 1) throw badUserInput('Give exactly one of sku or productId.', `lines.${i}.sku`);
      if (l.productId && !isUuid(l.productId)) throw badUserInput('productId must be a UUID.', `lines.${i}.productId`);
      const quantity = wholeQuantity(l.quantity, `lines.${i}.quantity`);
      return l.sku ? { sku: normalizeSku(l.sku, `lines.${i}.sku`), quantity } : { productId: l.productId!, quantity };
    });
    if (!this.bearer) throw forbidden('Sign in to make offers.');
    const found = await priceLines(this.gatewayUrl(), this.bearer, null, asked);
    const products = found.lines.map((p, i) => {
      const field = `lines.${i}.${lines[i].sku ? 'sku' : 'productId'}`;
      if (!p) throw badUserInput(`${asked[i].sku ?? asked[i].productId} is not a product that is sold (unknown or discontinued).`, field);
      if (new Decimal(p.quantity).lt(p.minOrderQuantity)) throw badUserInput(`${p.sku} is sold in quantities of at least ${p.minOrderQuantity.toFixed()} (${p.unit}).`, `lines.${i}.quantity`);
      return p;
    });
    if (new Set(products.map((p) => p.productId)).size !== products.length) throw badUserInput('Each product may appear on one line only.', 'lines');
    const toPrice = products.map((p, i) => ({
      quantity: new Decimal(p.quantity),
      unitPrice: offerAmount(lines[i].unitPrice, currency, `lines.${i}.unitPrice`),
      referencePrice: p.currency === currency ? p.unitPrice : null,
    }));
    let priced;
    if (change.pricingMode === OfferPricingMode.TOTAL_PRICE) {
      if (!change.totalPrice) throw badUserInput('Give the totalPrice to spread over the lines (summing mode).', 'totalPrice');
      if (lines.some((l) => l.unitPrice)) throw badUserInput('In summing mode the lines take their prices from totalPrice: give no unitPrice.', 'lines');
      priced = spreadTotal(change.totalPrice, toPrice, currency);
    } else {
      if (change.totalPrice) throw badUserInput('totalPrice is for summing mode (pricingMode TOTAL_PRICE).', 'totalPrice');
      priced = priceByUnit(toPrice, currency);
    }
    const contentLines: OfferContentLine[] = products.map((p, i) => ({
      lineNo: i + 1, productId: p.productId, sku: p.sku, name: p.name, quantity: String(p.quantity),
      packing: optionalText(lines[i].packing, `lines.${i}.packing`, 100) ?? p.unit, unitPrice: unitAmount(priced[i].unitPrice), lineTotal: priced[i].lineTotal.toFixed(2),
    }));
    const codes = services.map((s, i) => {
      const code = (s.code ?? '').trim().toUpperCase();
      if (!code) throw badUserInput('code is required.', `services.${i}.code`);
      return code;
    });
    if (new Set(codes).size !== codes.length) throw badUserInput('Each service may appear once.', 'services');
    const listed = codes.length ? await this.em.find(OfferExtraServiceEntity, { code: { $in: codes } }) : [];
    const contentServices: OfferContentService[] = services.map((s, i) => {
      const service = listed.find((l) => l.code === codes[i]);
      if (!service || !service.active) throw badUserInput(`${codes[i]} is not a service on the list.`, `services.${i}.code`);
      if (!s.quantity.isFinite() || s.quantity.lte(0) || s.quantity.decimalPlaces() > 3 || s.quantity.gt(100_000)) throw badUserInput('quantity must be greater than 0, at most 100,000, with at most 3 decimals.', `services.${i}.quantity`);
      if (!s.unitPrice && service.currency !== currency) throw badUserInput(`${service.code} is priced in ${service.currency}, the offer in ${currency}: give its unitPrice.`, `services.${i}.unitPrice`);
      const unitPrice = offerAmount(s.unitPrice, currency, `services.${i}.unitPrice`) ?? new Decimal(service.unitPrice);
      return { code: service.code, name: service.name, quantity: s.quantity.toFixed(), unitPrice: unitAmount(unitPrice), total: roundMoney(unitPrice.times(s.quantity), currency).toFixed(2) };
    });
    const linesTotal = contentLines.reduce((sum, l) => sum.plus(l.lineTotal), new Decimal(0));
    const servicesTotal = contentServices.reduce((sum, s) => sum.plus(s.total), new Decimal(0));
    return {
      pricingMode: change.pricingMode, currency, validUntil: change.validUntil, lines: contentLines, services: contentServices, terms: change.terms,
      linesTotal: linesTotal.toFixed(2), servicesTotal: servicesTotal.toFixed(2), total: linesTotal.plus(servicesTotal).toFixed(2),
    };
  }

  private static contact(change: OfferContentChange, current: OfferPartner | null): Pick<OfferPartner, 'contactName' | 'contactEmail' | 'contactPhone' | 'logoUrl'> {
    const email = change.contactEmail === undefined ? current?.contactEmail ?? null : optionalText(change.contactEmail, 'contactEmail', 200);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badUserInput('contactEmail is not an e-mail address.', 'contactEmail');
    const logoUrl = change.logoUrl === undefined ? current?.logoUrl ?? null : optionalText(change.logoUrl, 'logoUrl', 500);
    if (logoUrl && !/^https?:\/\/\S+$/.test(logoUrl)) throw badUserInput('logoUrl must be an http(s) URL.', 'logoUrl');
    return {
      contactName: change.contactName === undefined ? current?.contactName ?? null : optionalText(change.contactName, 'contactName', 200),
      contactEmail: email,
      contactPhone: change.contactPhone === undefined ? current?.contactPhone ?? null : optionalText(change.contactPhone, 'contactPhone', 50),
      logoUrl,
    };
  }

  /** Numbers and writes new drafts, one per company, in one transaction (all or none). */
  private async insertDrafts(
    repUserId: string, companyIds: readonly string[], make: (companyId: string) => Pick<OfferEntity, 'title' | 'validUntil' | 'currency' | 'total' | 'content' | 'partner'> & { copiedFromId?: string | null },
  ): Promise<string[]> {
    const year = this.now().getUTCFullYear();
    const batchId = randomUUID();
    return this.em.transactional(async (em) => {
      const numbers = new OfferRepository(em);
      const ids: string[] = [];
      for (const companyId of companyIds) {
        const offer = em.create(OfferEntity, { ...make(companyId), number: formatOfferNumber(year, await numbers.nextNumber(year)), companyId, createdByUserId: repUserId, batchId });
        ids.push(offer.id);
      }
      await em.flush();
      return ids;
    });
  }

  private async requireCustomers(rep: { companies: ReadonlySet<string> | null }, companyIds: unknown): Promise<string[]> {
    if (!Array.isArray(companyIds) || companyIds.length === 0 || companyIds.length > MAX_OFFER_COMPANIES) throw badUserInput(`Give 1 to ${MAX_OFFER_COMPANIES} companyIds.`, 'companyIds');
    companyIds.forEach((id, i) => {
      if (!isUuid(id)) throw badUserInput('companyIds must be UUIDs.', `companyIds.${i}`);
    });
    if (new Set(companyIds).size !== companyIds.length) throw badUserInput('Each company may appear once.', 'companyIds');
    // Never the client's word: each company must be one of the rep's (staff.admin: any).
    const notMine = companyIds.find((id) => rep.companies && !rep.companies.has(id));
    if (notMine) throw forbidden(`Company ${notMine} is not one of your customers.`);
    return companyIds;
  }

  /** One offer per company, the same content for each (each in its company's currency, as its own document). */
  async create(viewer: Viewer | null, input: OfferContentChange & { companyIds: string[] }): Promise<OfferEntity[]> {
    const rep = await this.rep(viewer);
    const companyIds = await this.requireCustomers(rep, input.companyIds);
    const now = this.now();
    const title = optionalText(input.title, 'title', 200);
    const validUntil = this.validUntil(input.validUntil, now);
    const terms = await this.terms(input.terms, null);
    const contact = OfferService.contact(input, null);
    const companies = await fetchPartnerCompanies(this.gatewayUrl(), this.bearer!, companyIds);
    const missing = companyIds.find((id) => !companies.has(id));
    if (missing) throw notFound('Company', missing);
    const contents = new Map<string, OfferContent>();
    for (const currency of new Set([...companies.values()].map((c) => c.currency))) {
      contents.set(currency, await this.content({ pricingMode: input.pricingMode ?? OfferPricingMode.UNIT_PRICES, totalPrice: input.totalPrice ?? null, lines: input.lines ?? [], services: input.services ?? [], terms, validUntil }, currency));
    }
    const ids = await this.insertDrafts(rep.viewer.userId, companyIds, (companyId) => {
      const company = companies.get(companyId)!;
      const content = contents.get(company.currency)!;
      return { title, validUntil, currency: company.currency, total: content.total, content, partner: { ...company.partner, ...contact } };
    });
    return Promise.all(ids.map(async (id) => (await this.offers.findById(id))!));
  }

  /** New drafts with the same content for the same company, or the companies given; valid for the default period if the original's date has passed. */
  async copy(viewer: Viewer | null, id: string, companyIds?: string[] | null): Promise<OfferEntity[]> {
    const { offer } = await this.visible(viewer, id);
    const rep = await this.rep(viewer);
    const targets = companyIds ? await this.requireCustomers(rep, companyIds) : [offer.companyId];
    const now = this.now();
    const validUntil = offer.validUntil >= today(now) ? offer.validUntil : this.validUntil(null, now);
    const companies = await fetchPartnerCompanies(this.gatewayUrl(), this.bearer!, targets);
    const missing = targets.find((t) => !companies.has(t));
    if (missing) throw notFound('Company', missing);
    const contents = new Map<string, OfferContent>();
    for (const currency of new Set(targets.map((t) => companies.get(t)!.currency))) {
      const c = offer.content;
      contents.set(currency, currency === c.currency ? { ...c, validUntil } : await this.content({
        pricingMode: c.pricingMode, totalPrice: c.pricingMode === OfferPricingMode.TOTAL_PRICE ? new Decimal(c.linesTotal) : null, validUntil, terms: c.terms,
        lines: c.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, packing: l.packing, unitPrice: c.pricingMode === OfferPricingMode.UNIT_PRICES ? new Decimal(l.unitPrice) : null })),
        services: c.services.map((s) => ({ code: s.code, quantity: new Decimal(s.quantity), unitPrice: new Decimal(s.unitPrice) })),
      }, currency));
    }
    const { contactName, contactEmail, contactPhone, logoUrl } = offer.partner;
    const ids = await this.insertDrafts(rep.viewer.userId, targets, (companyId) => {
      const company = companies.get(companyId)!;
      const content = contents.get(company.currency)!;
      const partner = companyId === offer.companyId ? { ...company.partner, contactName, contactEmail, contactPhone, logoUrl } : { ...company.partner, contactName: null, contactEmail: null, contactPhone: null, logoUrl: null };
      return { title: offer.title, validUntil, currency: company.currency, total: content.total, content, partner, copiedFromId: offer.id };
    });
    return Promise.all(ids.map(async (i) => (await this.offers.findById(i))!));
  }

  /** Changes an offer: a draft in place; a sent one as a new version (the old one kept), published at once. */
  async update(viewer: Viewer | null, id: string, change: OfferContentChange): Promise<OfferEntity> {
    await this.rep(viewer);
    const { offer } = await this.visible(viewer, id);
    const now = this.now();
    if (effectiveStatus(offer.status, offer.validUntil, today(now)) === OfferStatus.EXPIRED) throw conflict(`Offer ${offer.number} expired on ${offer.validUntil}; copy it to offer again.`);
    changeMakesNewVersion(offer.status);
    const c = offer.content;
    const validUntil = change.validUntil === undefined ? offer.validUntil : this.validUntil(change.validUntil, now);
    const pricingMode = change.pricingMode ?? c.pricingMode;
    const content = await this.content({
      pricingMode,
      totalPrice: change.totalPrice !== undefined ? change.totalPrice : pricingMode === OfferPricingMode.TOTAL_PRICE && c.pricingMode === OfferPricingMode.TOTAL_PRICE ? new Decimal(c.linesTotal) : null,
      lines: change.lines ?? c.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, packing: l.packing, unitPrice: pricingMode === OfferPricingMode.UNIT_PRICES ? new Decimal(l.unitPrice) : null })),
      services: change.services ?? c.services.map((s) => ({ code: s.code, quantity: new Decimal(s.quantity), unitPrice: new Decimal(s.unitPrice) })),
      terms: await this.terms(change.terms, c.terms),
      validUntil,
    }, offer.currency);
    const partner = { ...offer.partner, ...OfferService.contact(change, offer.partner) };
    const title = change.title === undefined ? offer.title : optionalText(change.title, 'title', 200);
    await this.em.transactional(async (em) => {
      // Locked: two changes at once make two versions in turn, never one lost.
      const row = await em.findOneOrFail(OfferEntity, { id: offer.id }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
      const newVersion = changeMakesNewVersion(row.status);
      if (newVersion) {
        em.create(OfferVersionEntity, { offerId: row.id, version: row.version, content: row.content, sentAt: row.sentAt, replacedAt: now });
        assertTransition(row.status, OfferStatus.SENT, row.number);
        row.version += 1;
        row.status = OfferStatus.SENT;
        row.sentAt = now;
        row.viewedAt = null;
      }
      Object.assign(row, { content, validUntil, total: content.total, partner, title });
      await em.flush();
      if (newVersion) await this.announce(em, row.id);
    });
    return (await this.offers.findById(offer.id))!;
  }

  /** Publishes a draft in the customer's panel and mails it (again, for one already sent) to the company's users with orders.view, the file attached. */
  async send(viewer: Viewer | null, id: string, attachment: 'PDF' | 'XLSX'): Promise<OfferEntity> {
    await this.rep(viewer);
    const { offer } = await this.visible(viewer, id);
    const now = this.now();
    if (offer.validUntil < today(now)) throw conflict(`Offer ${offer.number} expired on ${offer.validUntil}; give it a new validUntil or copy it.`);
    assertTransition(offer.status === OfferStatus.VIEWED ? OfferStatus.SENT : offer.status, OfferStatus.SENT, offer.number);
    // Rendered before the transaction; written in it only if the offer is still this version.
    const file = await this.document(offer, attachment);
    await this.em.transactional(async (em) => {
      const updated = await em.nativeUpdate(
        OfferEntity, { id: offer.id, version: offer.version, status: { $in: [OfferStatus.DRAFT, OfferStatus.SENT, OfferStatus.VIEWED] } },
        { status: OfferStatus.SENT, sentAt: now, ...(offer.status === OfferStatus.DRAFT ? {} : { viewedAt: null }) },
      );
      if (updated !== 1) throw conflict(`Offer ${offer.number} changed meanwhile; open it again.`);
      em.create(OfferMailFileEntity, { offerId: offer.id, sentAt: now, version: offer.version, ...file });
      await em.flush();
      await this.announce(em, offer.id, { sent: { version: offer.version, attachment, at: now.toISOString() } });
    });
    return (await this.offers.findById(offer.id))!;
  }

  /** Announces a change in the transaction making it (delivered on commit): the e-mail and subscriptions hear of it. */
  private async announce(em: EntityManager, offerId: string, data?: unknown): Promise<void> {
    await publishEvent(em, OFFER_CHANGED_TOPIC, { key: offerId, data });
  }

  /** The customer's decision against a wanted status: an expired offer is written EXPIRED and refused. */
  private async decidable(viewer: Viewer | null, id: string): Promise<OfferEntity> {
    const { who, offer } = await this.visible(viewer, id);
    if (who.kind !== 'CUSTOMER') throw forbidden('Only the customer decides on an offer.');
    const day = today(this.now());
    if (effectiveStatus(offer.status, offer.validUntil, day) === OfferStatus.EXPIRED) {
      await this.offers.expire([offer.id], day);
      throw conflict(`Offer ${offer.number} expired on ${offer.validUntil} and can no longer be accepted or rejected.`);
    }
    return offer;
  }

  /**
   * Accepts the offer, all lines or those given, into an order placed through the ordering path
   * at the offered prices (the idempotency key there: the same key returns the same order). The
   * offer is decided in the order's transaction, so it becomes one order at most.
   */
  async accept(
    viewer: Viewer | null,
    input: { offerId: string; lineNos?: number[] | null; idempotencyKey: string; deliveryAddressCode?: string | null; branchId?: string | null; customerReference?: string | null; notes?: string | null },
  ): Promise<{ offer: OfferEntity; order: OrderEntity }> {
    const v = requireOrderer(viewer);
    const offer = await this.decidable(v, input.offerId);
    const lines = offer.content.lines;
    let chosen = lines;
    if (input.lineNos !== null && input.lineNos !== undefined) {
      if (input.lineNos.length === 0) throw badUserInput('Give the lines to accept, or leave lineNos out to accept them all.', 'lineNos');
      if (new Set(input.lineNos).size !== input.lineNos.length) throw badUserInput('Each line may be given once.', 'lineNos');
      const unknown = input.lineNos.find((n) => !lines.some((l) => l.lineNo === n));
      if (unknown !== undefined) throw badUserInput(`Offer ${offer.number} has no line ${unknown}.`, 'lineNos');
      chosen = lines.filter((l) => input.lineNos!.includes(l.lineNo));
    }
    const all = chosen.length === lines.length;
    const status = all ? OfferStatus.ACCEPTED : OfferStatus.PARTLY_ACCEPTED;
    if (offer.orderId === null) assertTransition(offer.status, status, offer.number);
    const services = offer.content.services.map((s) => `${s.name} ${s.quantity} × ${s.unitPrice} ${offer.currency} = ${s.total} ${offer.currency}`);
    const notes = [optionalText(input.notes, 'notes', MAX_NOTES_LENGTH), services.length ? `Offer ${offer.number} v${offer.version} services: ${services.join('; ')}` : null].filter(Boolean).join('\n');
    const agreed: AgreedOrder = {
      currency: offer.currency,
      lines: chosen.map((l) => ({ productId: l.productId, sku: l.sku, quantity: Number(l.quantity), unitPrice: l.unitPrice, lineTotal: l.lineTotal })),
      claim: async (em, orderId) => {
        const decided = await new OfferRepository(em).decide(offer.id, offer.version, today(this.now()), status, { decidedByUserId: v.userId, acceptedLineNos: chosen.map((l) => l.lineNo), orderId });
        if (!decided) throw conflict(`Offer ${offer.number} was decided, changed or expired meanwhile; open it again.`);
        await this.announce(em, offer.id);
      },
    };
    const order = await this.placement.place(v, {
      idempotencyKey: input.idempotencyKey,
      lines: agreed.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      deliveryAddressCode: input.deliveryAddressCode ?? null,
      branchId: input.branchId ?? null,
      customerReference: optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH) ?? offer.number,
      notes: notes.slice(0, MAX_NOTES_LENGTH) || null,
    }, agreed);
    const after = (await this.offers.findById(offer.id))!;
    // A replay of the same key returns the order this offer became; any other order means it was decided otherwise.
    if (after.orderId !== order.id) throw conflict(`Offer ${offer.number} was already ${after.status}.`);
    return { offer: after, order };
  }

  async reject(viewer: Viewer | null, id: string, reason: string | null | undefined): Promise<OfferEntity> {
    const offer = await this.decidable(viewer, id);
    const v = requireViewer(viewer);
    if (!hasPermission(v, 'orders.place') && !hasPermission(v, 'orders.submit')) throw forbidden('You need the "orders.place" permission to decide on offers.');
    assertTransition(offer.status, OfferStatus.REJECTED, offer.number);
    const text = optionalText(reason, 'reason', 1000);
    await this.em.transactional(async (em) => {
      const decided = await new OfferRepository(em).decide(offer.id, offer.version, today(this.now()), OfferStatus.REJECTED, { decidedByUserId: v.userId, rejectionReason: text });
      if (!decided) throw conflict(`Offer ${offer.number} was decided, changed or expired meanwhile; open it again.`);
      await this.announce(em, offer.id);
    });
    return (await this.offers.findById(offer.id))!;
  }

  // The staff-managed lists and the reps' customers.

  async termsList(viewer: Viewer | null, kind: OfferTermKind | null, includeRetired: boolean): Promise<OfferTermEntity[]> {
    await this.rep(viewer);
    return this.em.find(OfferTermEntity, { ...(kind ? { kind } : {}), ...(includeRetired ? {} : { active: true }) }, { orderBy: { kind: 'asc', createdAt: 'asc' } });
  }

  async saveTerm(viewer: Viewer | null, input: { id?: string | null; kind: OfferTermKind; text: string; active?: boolean | null }): Promise<OfferTermEntity> {
    requireStaffPermission(viewer, 'staff.sales');
    if (!requireViewer(viewer).permissions.includes('staff.admin')) throw forbidden('You need the "staff.admin" staff permission to change the list of terms.');
    const text = optionalText(input.text, 'text', 1000);
    if (!text) throw badUserInput('text is required.', 'text');
    if (input.id !== null && input.id !== undefined) {
      if (!isUuid(input.id)) throw badUserInput('id must be a UUID.', 'id');
      const term = await this.em.findOne(OfferTermEntity, { id: input.id });
      if (!term) throw notFound('OfferTerm', input.id);
      if (term.kind !== input.kind) throw badUserInput('A term keeps its kind.', 'kind');
      Object.assign(term, { text, active: input.active ?? term.active });
      await this.em.flush();
      return term;
    }
    const term = this.em.create(OfferTermEntity, { kind: input.kind, text, active: input.active ?? true });
    await this.em.flush();
    return term;
  }

  async servicesList(viewer: Viewer | null, includeRetired: boolean): Promise<OfferExtraServiceEntity[]> {
    await this.rep(viewer);
    return this.em.find(OfferExtraServiceEntity, includeRetired ? {} : { active: true }, { orderBy: { code: 'asc' } });
  }

  async saveService(viewer: Viewer | null, input: { code: string; name: string; unitPrice: Decimal; currency: string; active?: boolean | null }): Promise<OfferExtraServiceEntity> {
    requireStaffPermission(viewer, 'staff.sales');
    if (!requireViewer(viewer).permissions.includes('staff.admin')) throw forbidden('You need the "staff.admin" staff permission to change the list of services.');
    const code = (input.code ?? '').trim().toUpperCase();
    if (!/^[A-Z0-9_-]{1,40}$/.test(code)) throw badUserInput('code is 1 to 40 letters, digits, "-" or "_".', 'code');
    const name = optionalText(input.name, 'name', 200);
    if (!name) throw badUserInput('name is required.', 'name');
    const currency = (input.currency ?? '').trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw badUserInput('currency is a three-letter ISO code.', 'currency');
    const unitPrice = offerAmount(input.unitPrice, currency, 'unitPrice')!;
    if (unitPrice.decimalPlaces() > 2) throw badUserInput('unitPrice has at most 2 decimals.', 'unitPrice');
    const existing = await this.em.findOne(OfferExtraServiceEntity, { code });
    const service = existing ?? this.em.create(OfferExtraServiceEntity, { code, name, unitPrice: unitPrice.toFixed(2), currency });
    Object.assign(service, { name, unitPrice: unitPrice.toFixed(2), currency, active: input.active ?? service.active });
    await this.em.flush();
    return service;
  }

  /** The companies a rep looks after (the rep's own, or any rep's for staff.admin). */
  async customersOfRep(viewer: Viewer | null, repUserId: string | null | undefined): Promise<string[]> {
    const rep = await this.rep(viewer);
    const id = repUserId ?? rep.viewer.userId;
    if (!isUuid(id)) throw badUserInput('repUserId must be a UUID.', 'repUserId');
    if (id !== rep.viewer.userId && rep.companies !== null) throw forbidden('You need the "staff.admin" staff permission to see another rep\'s customers.');
    return this.offers.customersOf(id);
  }

  /** Adds (or, with `assigned` false, takes away) companies a rep looks after (staff.admin); gives the rep's list after. */
  async assignCustomers(viewer: Viewer | null, repUserId: string, companyIds: string[], assigned: boolean): Promise<string[]> {
    const v = requireStaffPermission(viewer, 'staff.sales');
    if (!v.permissions.includes('staff.admin')) throw forbidden('You need the "staff.admin" staff permission to assign customers.');
    if (!isUuid(repUserId)) throw badUserInput('repUserId must be a UUID.', 'repUserId');
    if (companyIds.length === 0 || companyIds.length > 1000) throw badUserInput('Give 1 to 1,000 companyIds.', 'companyIds');
    companyIds.forEach((id, i) => {
      if (!isUuid(id)) throw badUserInput('companyIds must be UUIDs.', `companyIds.${i}`);
    });
    const unique = [...new Set(companyIds)];
    if (assigned) {
      const companies = await fetchPartnerCompanies(this.gatewayUrl(), this.bearer!, unique);
      const missing = unique.find((id) => !companies.has(id));
      if (missing) throw notFound('Company', missing);
      // Added to what the rep has; one already assigned stays as it was.
      await this.em.createQueryBuilder(SalesRepCustomerEntity).insert(unique.map((companyId) => ({ repUserId, companyId, assignedAt: new Date() }))).onConflict(['repUserId', 'companyId']).ignore().execute();
    } else {
      await this.em.nativeDelete(SalesRepCustomerEntity, { repUserId, companyId: { $in: unique } });
    }
    return this.offers.customersOf(repUserId);
  }
}
