import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, DecimalScalar } from '@hub/money';
import { erpEntityId } from '@hub/erp-ids';
import { CompanyReference } from '../company/company-reference.object';
import { ProductReference } from '../delivery-note/product-reference.object';
import { ReturnEntity } from './return.entity';
import { ReturnFileEntity } from './return-file.entity';
import { ReturnLineEntity } from './return-line.entity';
import { ReturnStatusEventEntity } from './return-status-event.entity';
import { ReturnCondition, ReturnDisposition, ReturnFileKind, ReturnStatus } from './return-status';

@ObjectType('ReturnReason', { description: 'A reason from the return reason dictionary, in one language.' })
export class ReturnReasonObject {
  @Field()
  code: string;

  @Field()
  label: string;

  @Field({ description: 'The language of the label (the one asked for, else English).' })
  language: string;
}

@ObjectType('ReturnPolicy')
export class ReturnPolicyObject {
  @Field(() => Int, { description: 'Goods may be returned this many months after delivery.' })
  periodMonths: number;

  @Field(() => Int, { description: 'The largest attachment taken, in bytes.' })
  maxAttachmentBytes: number;
}

@ObjectType('ReturnLine')
export class ReturnLineObject {
  @Field(() => Int, { description: 'The delivery note line returned.' })
  deliveryLineNo: number;

  @Field()
  sku: string;

  @Field(() => DecimalScalar)
  quantity: Decimal;

  @Field(() => [String], { nullable: true })
  serialNumbers: string[] | null;

  @Field(() => ReturnCondition)
  condition: ReturnCondition;

  @Field(() => ProductReference)
  product: ProductReference;

  static from(e: ReturnLineEntity): ReturnLineObject {
    return Object.assign(new ReturnLineObject(), {
      deliveryLineNo: e.deliveryLineNo, sku: e.sku, quantity: new Decimal(e.quantity), serialNumbers: e.serialNumbers, condition: e.condition, product: ProductReference.of(erpEntityId('product', e.sku)),
    });
  }
}

@ObjectType('ReturnFile', { description: 'A photo, waybill or the label of a return.' })
export class ReturnFileObject {
  @Field(() => ID)
  id: string;

  @Field(() => ReturnFileKind)
  kind: ReturnFileKind;

  @Field()
  fileName: string;

  @Field()
  contentType: string;

  @Field(() => Int)
  byteSize: number;

  @Field()
  createdAt: Date;

  static from(e: ReturnFileEntity): ReturnFileObject {
    return Object.assign(new ReturnFileObject(), { id: e.id, kind: e.kind, fileName: e.fileName, contentType: e.contentType, byteSize: e.byteSize, createdAt: e.createdAt });
  }
}

@ObjectType('ReturnStatusChange')
export class ReturnStatusChangeObject {
  @Field()
  at: Date;

  @Field(() => ReturnStatus, { nullable: true })
  from: ReturnStatus | null;

  @Field(() => ReturnStatus)
  to: ReturnStatus;

  @Field(() => ID, { nullable: true, description: 'Who made it; null: the hub or the ERP.' })
  actorUserId: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  static from(e: ReturnStatusEventEntity): ReturnStatusChangeObject {
    return Object.assign(new ReturnStatusChangeObject(), { at: e.at, from: e.fromStatus, to: e.toStatus, actorUserId: e.actorUserId, note: e.note });
  }
}

@Directive('@key(fields: "id")')
@ObjectType('ReturnRequest', { description: 'A return (RMA) against a delivery note.' })
export class ReturnRequestObject {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The RMA number: printed on the label and encoded in its Code 128 barcode.' })
  number: string;

  @Field(() => ReturnStatus)
  status: ReturnStatus;

  @Field(() => String, { nullable: true, description: 'Why it was rejected, or what holds it on its way to the ERP.' })
  statusReason: string | null;

  @Field({ description: 'The delivery note number it returns goods of.' })
  deliveryNoteNumber: string;

  @Field(() => ID)
  deliveryNoteId: string;

  @Field(() => ReturnReasonObject)
  reason: ReturnReasonObject;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field(() => String, { nullable: true })
  waybillNumber: string | null;

  @Field(() => String, { nullable: true })
  waybillCarrier: string | null;

  @Field(() => String, { nullable: true, description: 'The store (its code, as in `stores`) the goods were handed in at; null otherwise.' })
  receivedAtStoreCode: string | null;

  @Field(() => String, { nullable: true, description: "Staff's assessment of the goods received." })
  assessment: string | null;

  @Field(() => ReturnDisposition, { nullable: true })
  disposition: ReturnDisposition | null;

  @Field(() => String, { nullable: true, description: "The ERP's number of the return, once it booked it." })
  erpReturnNumber: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's credit note number (see creditNote for the note)." })
  creditNoteNumber: string | null;

  @Field(() => ID)
  filedByUserId: string;

  @Field()
  filedAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => CompanyReference)
  company: CompanyReference;

  static from(e: ReturnEntity): ReturnRequestObject {
    return Object.assign(new ReturnRequestObject(), {
      id: e.id, number: e.number, status: e.status, statusReason: e.statusReason, deliveryNoteNumber: e.deliveryNoteNumber, deliveryNoteId: e.deliveryNoteId,
      reason: Object.assign(new ReturnReasonObject(), { code: e.reasonCode, label: e.reasonLabel, language: e.reasonLanguage }),
      comment: e.comment, waybillNumber: e.waybillNumber, waybillCarrier: e.waybillCarrier, receivedAtStoreCode: e.receivedAtStoreCode ?? null, assessment: e.assessment, disposition: e.disposition,
      erpReturnNumber: e.erpReturnNumber, creditNoteNumber: e.creditNoteNumber, filedByUserId: e.filedByUserId, filedAt: e.createdAt, updatedAt: e.updatedAt,
      company: CompanyReference.of(e.companyId),
    });
  }
}
