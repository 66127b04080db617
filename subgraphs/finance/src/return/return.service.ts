import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import Decimal from 'decimal.js';
import { randomInt, randomUUID } from 'node:crypto';
import { canSeeCompany, companyRowsFilter, FileLinkRef, requirePermission, requireStaffPermission, Viewer } from '@hub/auth';
import { ErpAdapter, ErpReturnSubmission } from '@hub/erp-contract';
import { badUserInput, conflict, forbidden, HubError, notFound } from '@hub/errors';
import { checkPageSize, createGroupLoader, FileLinks, isUuid, pickText, ServedFile, ViewerTexts } from '@hub/subgraph-kit';
import { CreditNoteEntity } from '../credit-note/credit-note.entity';
import { FinanceOutboxMessageEntity, RETURN_DISPOSED_TOPIC } from '../outbox/finance-outbox';
import { checkAttachment, CheckedAttachment, MAX_ATTACHMENTS_PER_RETURN, maxAttachmentBytes } from './return-attachment.rules';
import { onEntityManager, publishReturnStatusChanged } from './return-events';
import { FileReturnInput, ReturnAttachmentInput, ReturnReasonLabelInput } from './return.inputs';
import { renderReturnLabel } from './return-label.renderer';
import { RETURN_REASON_TEXTS } from './return-texts';
import { ExportBranding, NEUTRAL_BRANDING } from '../export/export-branding';
import { ReturnEntity } from './return.entity';
import { ReturnFileEntity } from './return-file.entity';
import { ReturnLineEntity } from './return-line.entity';
import { ReturnPolicyEntity } from './return-policy.entity';
import { ReturnReasonEntity } from './return-reason.entity';
import { ReturnStatusEventEntity } from './return-status-event.entity';
import { ReturnStoreEntity } from './return-store.entity';
import { ReturnCondition, ReturnDisposition, ReturnFileKind, ReturnStatus } from './return-status';
import { assertTransition } from './return.state-machine';
import { LockedDeliveryNote, ReturnRepository } from './return.repository';

/** Customers file and follow returns with this permission; the company admin grants it per user. */
export const RETURNS_PERMISSION = 'returns.file';
/** The file route a return's photos, waybills and label are served on. */
export const RETURN_FILES_ROUTE = 'return-files';
export const DEFAULT_RETURN_PERIOD_MONTHS = 12;

const S = ReturnStatus;
const NUMBER_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const MAX_COMMENT = 2000;

/** A new RMA number: R- and eight characters that read unambiguously off a label (no 0/O, 1/I). */
function newRmaNumber(): string {
  let s = 'R-';
  for (let i = 0; i < 8; i++) s += NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)];
  return s;
}

function text(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const t = value?.trim() ?? '';
  if (!t) {
    if (required) throw badUserInput(`${field} is required.`, field);
    return null;
  }
  if (t.length > max) throw badUserInput(`${field} may be at most ${max} characters.`, field);
  return t;
}

function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/**
 * Returns (RMA) against delivery notes: filing with every check before anything is stored, the
 * staff's decisions along the state machine, the label, attachments, and the disposition that goes
 * to the ERP through the finance outbox.
 */
export class ReturnService {
  /** The returns the viewer may see, by id, batched per request (for `_entities`). */
  readonly visibleById: DataLoader<string, ReturnEntity | null>;
  private readonly linesOf: DataLoader<string, ReturnLineEntity[]>;
  private readonly filesOf: DataLoader<string, ReturnFileEntity[]>;
  private readonly historyOf: DataLoader<string, ReturnStatusEventEntity[]>;
  private readonly creditNotes: DataLoader<string, CreditNoteEntity[]>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly links: FileLinks,
    /** The viewer's languages and staff's texts of return reasons (hub texts). */
    private readonly texts: ViewerTexts,
    private readonly erp: () => ErpAdapter | null = () => null,
    /** The deployment's branding on the label (see export-branding.ts). */
    private readonly branding: () => Promise<ExportBranding> = async () => NEUTRAL_BRANDING,
  ) {
    this.visibleById = new DataLoader((ids: readonly string[]) => this.byIds([...ids]));
    this.linesOf = createGroupLoader((ids: string[]) => em.find(ReturnLineEntity, { returnId: { $in: ids } }, { orderBy: { deliveryLineNo: 'asc' } }), (l) => l.returnId, 'returnLines');
    this.filesOf = createGroupLoader((ids: string[]) => em.find(ReturnFileEntity, { returnId: { $in: ids } }, { orderBy: { createdAt: 'asc' } }), (f) => f.returnId, 'returnFiles');
    this.historyOf = createGroupLoader((ids: string[]) => em.find(ReturnStatusEventEntity, { returnId: { $in: ids } }, { orderBy: { at: 'asc' } }), (e) => e.returnId, 'returnHistory');
    this.creditNotes = createGroupLoader((numbers: string[]) => em.find(CreditNoteEntity, { number: { $in: numbers } }), (c) => c.number, 'returnCreditNotes');
  }

  // ---- reading ----

  /** A customer user needs returns.file and sees its company's returns; staff see all. */
  private reader(): Viewer {
    return requirePermission(this.viewer, RETURNS_PERMISSION);
  }

  async get(id: string): Promise<ReturnEntity> {
    this.reader();
    if (!isUuid(id)) throw badUserInput('The return id must be a UUID.', 'id');
    const found = await this.em.findOne(ReturnEntity, { id });
    // Another company's return answers as one that does not exist.
    if (!found || !canSeeCompany(this.viewer, found.companyId)) throw notFound('Return', id);
    return found;
  }

  /** The returns by id, in the order asked, null where one is missing or not the viewer's (for the subscription's batch). */
  async byIds(ids: string[]): Promise<Array<ReturnEntity | null>> {
    this.reader();
    const valid = ids.filter(isUuid);
    const found = valid.length ? await this.em.find(ReturnEntity, { id: { $in: valid } }) : [];
    const byId = new Map(found.filter((r) => canSeeCompany(this.viewer, r.companyId)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(first: number | null | undefined, status: ReturnStatus | null | undefined): Promise<ReturnEntity[]> {
    this.reader();
    const limit = checkPageSize(first, { max: 200, default: 50 });
    const scope = companyRowsFilter(this.viewer);
    if (!scope) return [];
    return this.em.find(ReturnEntity, { ...scope, ...(status ? { status } : {}) }, { orderBy: { createdAt: 'desc', number: 'desc' }, limit });
  }

  /** Staff: the return whose label carries this barcode (the RMA number), as a scanner reads it. */
  async byLabel(barcode: string): Promise<ReturnEntity | null> {
    requireStaffPermission(this.viewer, 'staff.orders');
    return this.findByLabel(barcode);
  }

  private findByLabel(barcode: string): Promise<ReturnEntity | null> {
    const number = barcode.trim().toUpperCase();
    if (!/^R-[A-Z0-9]{8}$/.test(number)) throw badUserInput('A return label barcode reads R- and eight letters or digits.', 'barcode');
    return this.em.findOne(ReturnEntity, { number });
  }

  lines(returnId: string): Promise<ReturnLineEntity[]> {
    return this.linesOf.load(returnId);
  }

  async attachments(returnId: string): Promise<ReturnFileEntity[]> {
    return (await this.filesOf.load(returnId)).filter((f) => f.kind !== ReturnFileKind.LABEL);
  }

  async label(returnId: string): Promise<ReturnFileEntity | null> {
    return (await this.filesOf.load(returnId)).find((f) => f.kind === ReturnFileKind.LABEL) ?? null;
  }

  history(returnId: string): Promise<ReturnStatusEventEntity[]> {
    return this.historyOf.load(returnId);
  }

  /** The ERP's credit note, once the creditNotes sync (or the read-back after delivery) brought it. */
  async creditNote(number: string | null): Promise<CreditNoteEntity | null> {
    return number ? ((await this.creditNotes.load(number))[0] ?? null) : null;
  }

  fileUrl(file: { id: string }): Promise<string> {
    return this.links.url(this.reader(), RETURN_FILES_ROUTE, { id: file.id });
  }

  /** The file route: the same permission and tenant rule as the fields, checked again at download. */
  async serveFile(ref: FileLinkRef): Promise<ServedFile> {
    this.reader();
    const id = ref && typeof ref === 'object' && !Array.isArray(ref) ? (ref as Record<string, unknown>).id : null;
    if (typeof id !== 'string' || !isUuid(id)) throw notFound('This file');
    const file = await this.em.findOne(ReturnFileEntity, { id }, { populate: ['content'] });
    const owner = file ? await this.em.findOne(ReturnEntity, { id: file.returnId }) : null;
    if (!file || !owner || !canSeeCompany(this.viewer, owner.companyId)) throw notFound('This file');
    return { body: Buffer.from(file.content), contentType: file.contentType, fileName: file.fileName };
  }

  // ---- the dictionary and the policy ----

  async policy(): Promise<{ periodMonths: number; maxAttachmentBytes: number }> {
    const row = await this.em.findOne(ReturnPolicyEntity, { id: 1 });
    return { periodMonths: row?.periodMonths ?? DEFAULT_RETURN_PERIOD_MONTHS, maxAttachmentBytes: maxAttachmentBytes() };
  }

  async setPeriod(months: number): Promise<{ periodMonths: number; maxAttachmentBytes: number }> {
    requireStaffPermission(this.viewer, 'staff.orders');
    if (!Number.isInteger(months) || months < 1 || months > 120) throw badUserInput('The return period is 1 to 120 months.', 'months');
    await this.em.upsert(ReturnPolicyEntity, { id: 1, periodMonths: months, updatedAt: new Date() });
    return this.policy();
  }

  /**
   * The active reasons, labelled in the language asked (none asked: the viewer's languages), else
   * in English, else in any language it has; a staff text (hub texts) comes before the reason's
   * own label in the same language.
   */
  async reasons(language: string | null | undefined): Promise<Array<{ code: string; label: string; language: string }>> {
    const [languages, overrides] = await Promise.all([language ? [language.toLowerCase()] : this.texts.languages(), this.texts.overrides(RETURN_REASON_TEXTS)]);
    const all = await this.em.find(ReturnReasonEntity, { active: true }, { orderBy: { code: 'asc', language: 'asc' } });
    const byCode = new Map<string, ReturnReasonEntity[]>();
    for (const r of all) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
    return [...byCode.values()].map((labels) => {
      const own = Object.fromEntries(labels.map((l) => [l.language, l.label]));
      const picked = pickText([...languages, 'en'], overrides.get(labels[0].code), own, labels[0].label);
      return { code: labels[0].code, label: picked.text, language: picked.language ?? labels[0].language };
    });
  }

  /** Staff: a reason's labels (replacing the languages given) and whether it may be chosen. */
  async setReason(code: string, labels: ReturnReasonLabelInput[], active: boolean): Promise<Array<{ code: string; label: string; language: string }>> {
    requireStaffPermission(this.viewer, 'staff.orders');
    if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(code)) throw badUserInput('A reason code is 2 to 40 capital letters, digits or underscores, starting with a letter.', 'code');
    labels.forEach((l, i) => {
      if (!/^[a-z]{2}$/.test(l.language)) throw badUserInput('A language is an ISO 639-1 code such as en or sv.', `labels.${i}.language`);
      text(l.label, `labels.${i}.label`, 200, true);
    });
    const existing = await this.em.count(ReturnReasonEntity, { code });
    if (labels.length === 0 && existing === 0) throw badUserInput('A new reason needs at least one label.', 'labels');
    await this.em.transactional(async (tx) => {
      for (const l of labels) await tx.upsert(ReturnReasonEntity, { code, language: l.language, label: l.label.trim(), active });
      await tx.nativeUpdate(ReturnReasonEntity, { code }, { active });
    });
    return (await this.em.find(ReturnReasonEntity, { code }, { orderBy: { language: 'asc' } })).map((r) => ({ code: r.code, label: r.label, language: r.language }));
  }

  // ---- filing ----

  /**
   * Files a return. Every check runs before anything is written, under a lock on the delivery note:
   * a foreign or unknown note, a note past the return period, a line not on it, more than delivered
   * less what other returns claim, a serial number not delivered (or already returned), a reason not
   * in the dictionary, an attachment of the wrong type or size: each a BAD_USER_INPUT or NOT_FOUND,
   * and nothing is stored.
   */
  async file(input: FileReturnInput): Promise<ReturnEntity> {
    const v = requirePermission(this.viewer, RETURNS_PERMISSION);
    if (v.kind !== 'CUSTOMER' || !v.companyId) throw forbidden('Returns are filed by customer users (staff: sign in as one).');
    const companyId = v.companyId;
    if (!isUuid(input.deliveryNoteId)) throw badUserInput('deliveryNoteId must be a UUID.', 'deliveryNoteId');
    const comment = text(input.comment, 'comment', MAX_COMMENT);
    const files = (input.attachments ?? []).map((a, i) => checkAttachment(a, `attachments.${i}`));
    if (files.length > MAX_ATTACHMENTS_PER_RETURN) throw badUserInput(`A return takes at most ${MAX_ATTACHMENTS_PER_RETURN} attachments.`, 'attachments');
    const language = (input.language ?? 'en').toLowerCase();
    const reason = (await this.reasons(language)).find((r) => r.code === input.reasonCode);
    if (!reason) throw badUserInput(`${input.reasonCode} is not a return reason (see returnReasons).`, 'reasonCode');
    const { periodMonths } = await this.policy();

    const id = randomUUID();
    await this.em.transactional(async (tx) => {
      const repository = new ReturnRepository(tx);
      const note = await repository.lockDeliveryNote(input.deliveryNoteId);
      // Another company's note answers as one that does not exist.
      if (!note || note.companyId !== companyId) throw notFound('Delivery note', input.deliveryNoteId);
      if (!note.customerNumber) note.customerNumber = await this.customerNumberFromErp(tx, note);
      const deliveredAt = note.deliveredAt ?? note.shippedAt;
      const lastDay = addMonths(deliveredAt, periodMonths);
      if (lastDay.getTime() < Date.now()) {
        throw new HubError('BAD_USER_INPUT', `Delivery note ${note.number} was delivered on ${deliveredAt.toISOString().slice(0, 10)}: goods may be returned within ${periodMonths} months, until ${lastDay.toISOString().slice(0, 10)}.`, { field: 'deliveryNoteId', reason: 'RETURN_PERIOD_OVER' });
      }
      const lines = this.checkLines(note, input, await repository.claimedLines(note.id));
      const entity = tx.create(ReturnEntity, {
        id, number: newRmaNumber(), companyId, deliveryNoteId: note.id, deliveryNoteNumber: note.number, customerNumber: note.customerNumber,
        filedByUserId: v.userId, filedByActorId: v.actorId ?? null, reasonCode: reason.code, reasonLabel: reason.label, reasonLanguage: reason.language, comment, status: S.FILED,
      });
      for (const l of lines) tx.create(ReturnLineEntity, { id: randomUUID(), returnId: id, ...l });
      for (const f of files) this.createFile(tx, id, f, v.userId);
      this.record(tx, entity, null, S.FILED, v.userId, comment);
      await tx.flush();
      await publishReturnStatusChanged(onEntityManager(tx), id);
    });
    return this.em.findOneOrFail(ReturnEntity, { id });
  }

  /**
   * Delivery notes synchronised before the hub kept their customer number have none: the ERP's own
   * record gives it (and the row keeps it), so returns against them work like any other.
   */
  private async customerNumberFromErp(tx: EntityManager, note: LockedDeliveryNote): Promise<string> {
    const erp = this.erp();
    const record = erp ? await erp.fetchRecord('deliveryNotes', note.number).catch(() => null) : null;
    if (!record) throw new HubError('UNAVAILABLE', `Delivery note ${note.number} needs its customer number from the ERP, which does not answer; try again later.`);
    await tx.execute('update finance.delivery_note set customer_number = ? where id = ?', [record.customerNumber, note.id]);
    return record.customerNumber;
  }

  private checkLines(note: LockedDeliveryNote, input: FileReturnInput, claimed: Map<number, { quantity: Decimal; serialNumbers: Set<string> }>) {
    const asked = input.lines ?? note.lines.map((l) => ({ lineNo: l.lineNo, quantity: null, serialNumbers: null, condition: null }));
    if (asked.length === 0) throw badUserInput('Name at least one line, or leave lines out to return the whole delivery note.', 'lines');
    const seen = new Set<number>();
    const result: Array<Pick<ReturnLineEntity, 'deliveryLineNo' | 'sku' | 'quantity' | 'serialNumbers' | 'condition'>> = [];
    asked.forEach((a, i) => {
      const field = input.lines ? `lines.${i}` : 'lines';
      const delivered = note.lines.find((l) => l.lineNo === a.lineNo);
      if (!delivered) throw badUserInput(`Delivery note ${note.number} has no line ${a.lineNo}.`, `${field}.lineNo`);
      if (seen.has(a.lineNo)) throw badUserInput(`Line ${a.lineNo} is named twice.`, `${field}.lineNo`);
      seen.add(a.lineNo);
      const before = claimed.get(a.lineNo) ?? { quantity: new Decimal(0), serialNumbers: new Set<string>() };
      const open = new Decimal(delivered.quantity).minus(before.quantity);
      const tracked = Array.isArray(delivered.serialNumbers) && delivered.serialNumbers.length > 0;
      const openSerials = tracked ? delivered.serialNumbers!.filter((s) => !before.serialNumbers.has(s)) : [];
      let quantity: Decimal;
      let serials: string[] | null = null;
      if (a.quantity === null || a.quantity === undefined) {
        // The whole line: whatever is still open of it.
        if (open.lte(0)) {
          if (input.lines) throw overReturn(note.number, delivered, before.quantity, open, `${field}.quantity`);
          return; // A whole-note return skips lines returned already.
        }
        quantity = open;
        if (tracked) serials = a.serialNumbers?.length ? a.serialNumbers : openSerials;
      } else {
        quantity = new Decimal(a.quantity);
        if (!quantity.isFinite() || quantity.lte(0) || quantity.decimalPlaces() > 3) throw badUserInput('A quantity is positive, with at most three decimals.', `${field}.quantity`);
        if (quantity.gt(open)) throw overReturn(note.number, delivered, before.quantity, quantity, `${field}.quantity`);
        if (tracked) serials = a.serialNumbers ?? [];
      }
      if (tracked) {
        const list = serials ?? [];
        if (!quantity.isInteger() || list.length !== quantity.toNumber()) {
          throw new HubError('BAD_USER_INPUT', `${delivered.sku} is tracked by serial number: name one serial number per unit returned (${quantity.toString()}).`, { field: `${field}.serialNumbers`, reason: 'SERIAL_NUMBERS_REQUIRED' });
        }
        const unique = new Set(list);
        const wrong = list.filter((s) => !delivered.serialNumbers!.includes(s));
        const again = list.filter((s) => before.serialNumbers.has(s));
        if (unique.size !== list.length || wrong.length > 0 || again.length > 0) {
          const which = wrong.length > 0 ? `${wrong.join(', ')} ${wrong.length === 1 ? 'was' : 'were'} not delivered on ${note.number} line ${delivered.lineNo}` : again.length > 0 ? `${again.join(', ')} ${again.length === 1 ? 'is' : 'are'} already being returned` : 'a serial number is named twice';
          throw new HubError('BAD_USER_INPUT', `Wrong serial number: ${which}.`, { field: `${field}.serialNumbers`, reason: 'WRONG_SERIAL_NUMBER' });
        }
        serials = list;
      } else if (a.serialNumbers && a.serialNumbers.length > 0) {
        throw badUserInput(`${delivered.sku} is not tracked by serial number; leave serialNumbers out.`, `${field}.serialNumbers`);
      }
      result.push({ deliveryLineNo: delivered.lineNo, sku: delivered.sku, quantity: quantity.toFixed(), serialNumbers: serials, condition: a.condition ?? input.condition });
    });
    if (result.length === 0) throw conflict(`Everything on delivery note ${note.number} has been returned already.`);
    return result;
  }

  // ---- along the state machine ----

  /** Staff accept a filed return: the label (Code 128 of the RMA number) is issued with it. */
  async accept(id: string): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.orders');
    // Read before the transaction: the branding comes over HTTP and may take its timeout.
    const branding = await this.branding();
    return this.move(id, async (tx, r) => {
      this.transition(tx, r, S.ACCEPTED, v.userId, null);
      const lines = await tx.find(ReturnLineEntity, { returnId: r.id }, { orderBy: { deliveryLineNo: 'asc' } });
      const pdf = await renderReturnLabel({ rmaNumber: r.number, deliveryNoteNumber: r.deliveryNoteNumber, sender: `Customer ${r.customerNumber}`, lines, issuedAt: new Date(), branding });
      this.createFile(tx, r.id, { kind: ReturnFileKind.LABEL, fileName: `return-label-${r.number}.pdf`, contentType: 'application/pdf', content: pdf }, null);
      this.transition(tx, r, S.LABEL_ISSUED, null, `Label ${r.number}`);
    });
  }

  async reject(id: string, reason: string): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.orders');
    const why = text(reason, 'reason', 1000, true)!;
    return this.move(id, async (tx, r) => {
      this.transition(tx, r, S.REJECTED, v.userId, why);
      r.statusReason = why;
    });
  }

  /** The customer adds its carrier's waybill (number, file or both): the return is on its way. */
  async addWaybill(id: string, waybillNumber: string | null | undefined, carrier: string | null | undefined, file: ReturnAttachmentInput | null | undefined): Promise<ReturnEntity> {
    const v = this.customerOfReturns();
    const number = text(waybillNumber, 'waybillNumber', 100);
    const checked = file ? checkAttachment({ ...file, kind: ReturnFileKind.WAYBILL }, 'file') : null;
    if (!number && !checked) throw badUserInput('Give the waybill number, the waybill file, or both.', 'waybillNumber');
    return this.move(id, async (tx, r) => {
      this.transition(tx, r, S.IN_TRANSIT, v.userId, number ? `Waybill ${number}` : 'Waybill attached');
      r.waybillNumber = number;
      r.waybillCarrier = text(carrier, 'carrier', 100);
      if (checked) await this.attach(tx, r.id, [checked], v.userId);
    }, v);
  }

  /** The customer adds photos to its return while it is open. */
  async addAttachments(id: string, attachments: ReturnAttachmentInput[]): Promise<ReturnEntity> {
    const v = this.customerOfReturns();
    if (attachments.length === 0) throw badUserInput('Attach at least one file.', 'attachments');
    const files = attachments.map((a, i) => checkAttachment(a, `attachments.${i}`));
    return this.move(id, async (tx, r) => {
      if (r.status === S.CLOSED || r.status === S.REJECTED) throw conflict(`The return is ${r.status}: it takes no more attachments.`);
      await this.attach(tx, r.id, files, v.userId);
    }, v);
  }

  /** Staff (at the warehouse or a store) receive the goods, found by the label's barcode. */
  async receive(barcode: string, note: string | null | undefined): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.orders');
    const found = await this.byLabel(barcode);
    if (!found) throw notFound('Return with label', barcode.trim());
    const remark = text(note, 'note', 1000);
    return this.move(found.id, async (tx, r) => this.transition(tx, r, S.RECEIVED, v.userId, remark));
  }

  /**
   * Store staff (staff.stores) take the goods in at their store against the label's barcode: the
   * return is RECEIVED there, through the state machine (a return not labelled or on its way is a
   * CONFLICT), with the store recorded. A code that is no store, or a warehouse that is not one, is
   * refused before anything is looked up.
   */
  async receiveAtStore(storeCode: string, barcode: string): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.stores');
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(storeCode)) throw badUserInput('storeCode is not a store code.', 'storeCode');
    const store = await this.em.findOne(ReturnStoreEntity, { code: storeCode });
    if (!store) throw badUserInput(`There is no store ${storeCode}.`, 'storeCode');
    if (!store.isStore) throw badUserInput(`${store.name} (${storeCode}) is a warehouse, not a store: it takes no returns over the counter.`, 'storeCode');
    const found = await this.findByLabel(barcode);
    if (!found) throw notFound('Return with label', barcode.trim());
    return this.move(found.id, async (tx, r) => {
      this.transition(tx, r, S.RECEIVED, v.userId, `Handed in at store ${store.name} (${store.code})`);
      r.receivedAtStoreCode = store.code;
    });
  }

  async assess(id: string, assessment: string): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.orders');
    const found = text(assessment, 'assessment', 2000, true)!;
    return this.move(id, async (tx, r) => {
      this.transition(tx, r, S.ASSESSED, v.userId, found);
      r.assessment = found;
    });
  }

  /**
   * Staff decide what the goods become. The decision and its outbox message commit together (the
   * message's key is the return's id, so the ERP books it once however often it is sent); the ERP's
   * receipt then makes the return CREDITED or EXCHANGED. Deciding twice is a CONFLICT.
   */
  async decide(id: string, disposition: ReturnDisposition): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.orders');
    return this.move(id, async (tx, r) => {
      assertTransition(r.status, disposition === ReturnDisposition.CREDIT ? S.CREDITED : S.EXCHANGED);
      if (r.disposition) throw conflict(`The disposition of ${r.number} was decided already (${r.disposition}).`);
      r.disposition = disposition;
      const lines = await tx.find(ReturnLineEntity, { returnId: r.id }, { orderBy: { deliveryLineNo: 'asc' } });
      const submission: ErpReturnSubmission = {
        hubReturnId: r.id, rmaNumber: r.number, customerNumber: r.customerNumber, deliveryNumber: r.deliveryNoteNumber, reason: r.reasonCode, disposition,
        lines: lines.map((l, i) => ({ lineNo: i + 1, sku: l.sku, quantity: new Decimal(l.quantity).toFixed(), ...(l.serialNumbers ? { serialNumbers: l.serialNumbers } : {}) })),
      };
      tx.create(FinanceOutboxMessageEntity, { topic: RETURN_DISPOSED_TOPIC, key: r.id, payload: submission as unknown as Record<string, unknown> });
      this.record(tx, r, r.status, r.status, v.userId, `Disposition ${disposition}: sent to the ERP`);
    });
  }

  async close(id: string): Promise<ReturnEntity> {
    const v = requireStaffPermission(this.viewer, 'staff.orders');
    return this.move(id, async (tx, r) => this.transition(tx, r, S.CLOSED, v.userId, null));
  }

  // ---- helpers ----

  private customerOfReturns(): Viewer {
    const v = requirePermission(this.viewer, RETURNS_PERMISSION);
    if (v.kind !== 'CUSTOMER') throw forbidden('Only the customer that filed the return does this.');
    return v;
  }

  /** Locks the return, applies the change, records it and announces it, in one transaction; the tenant rule for customers. */
  private async move(id: string, change: (tx: EntityManager, r: ReturnEntity) => Promise<void> | void, customer?: Viewer): Promise<ReturnEntity> {
    if (!isUuid(id)) throw badUserInput('The return id must be a UUID.', 'id');
    await this.em.transactional(async (tx) => {
      const r = await tx.findOne(ReturnEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!r || (customer && r.companyId !== customer.companyId)) throw notFound('Return', id);
      await change(tx, r);
      r.updatedAt = new Date();
      await tx.flush();
      await publishReturnStatusChanged(onEntityManager(tx), id);
    });
    this.em.clear();
    return this.em.findOneOrFail(ReturnEntity, { id });
  }

  private transition(tx: EntityManager, r: ReturnEntity, to: ReturnStatus, actorUserId: string | null, note: string | null): void {
    assertTransition(r.status, to);
    this.record(tx, r, r.status, to, actorUserId, note);
    r.status = to;
  }

  private record(tx: EntityManager, r: ReturnEntity, from: ReturnStatus | null, to: ReturnStatus, actorUserId: string | null, note: string | null): void {
    // Two moves in one transaction (accepted, label issued) keep their order in the history.
    const at = new Date(Date.now() + (this.recorded++));
    tx.create(ReturnStatusEventEntity, { id: randomUUID(), returnId: r.id, at, fromStatus: from, toStatus: to, actorUserId, note });
  }

  private recorded = 0;

  private async attach(tx: EntityManager, returnId: string, files: CheckedAttachment[], userId: string): Promise<void> {
    const count = await tx.count(ReturnFileEntity, { returnId, kind: { $ne: ReturnFileKind.LABEL } });
    if (count + files.length > MAX_ATTACHMENTS_PER_RETURN) throw badUserInput(`A return takes at most ${MAX_ATTACHMENTS_PER_RETURN} attachments; it has ${count}.`, 'attachments');
    for (const f of files) this.createFile(tx, returnId, f, userId);
  }

  private createFile(tx: EntityManager, returnId: string, f: CheckedAttachment, userId: string | null): void {
    tx.create(ReturnFileEntity, { id: randomUUID(), returnId, kind: f.kind, fileName: f.fileName, contentType: f.contentType, byteSize: f.content.length, content: f.content, uploadedByUserId: userId });
  }
}

function overReturn(noteNumber: string, delivered: { lineNo: number; sku: string; quantity: string }, before: Decimal, asked: Decimal, field: string): HubError {
  const open = new Decimal(delivered.quantity).minus(before);
  return new HubError(
    'BAD_USER_INPUT',
    `Line ${delivered.lineNo} of ${noteNumber} (${delivered.sku}): ${delivered.quantity} delivered, ${before.toString()} returned already, so at most ${Decimal.max(open, 0).toString()} may be returned, not ${asked.toString()}.`,
    { field, reason: 'MORE_THAN_DELIVERED', returnable: Decimal.max(open, 0).toString() },
  );
}
