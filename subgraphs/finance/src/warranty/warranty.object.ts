import { Field, ID, Int, ObjectType } from 'type-graphql';
import { erpEntityId } from '@hub/erp-ids';
import { CompanyReference } from '../company/company-reference.object';
import { ProductReference } from '../delivery-note/product-reference.object';
import { RegisteredProductView } from './warranty.service';
import { RepairHistoryEntry, ServiceRequestEntity } from './service-request.entity';
import { RepairEntryKind, ServiceRequestStatus } from './service-request-status';

@ObjectType('RepairHistoryEntry', { description: "An entry of the ERP workshop's repair history." })
export class RepairHistoryEntryObject {
  @Field()
  at: Date;

  @Field(() => RepairEntryKind)
  kind: RepairEntryKind;

  @Field()
  text: string;

  @Field(() => String, { nullable: true, description: 'For STATUS entries: the status the workshop moved it to (the ERP\'s name).' })
  status: string | null;

  @Field(() => String, { nullable: true, description: 'For PARTS entries: the part replaced.' })
  partNumber: string | null;

  @Field(() => String, { nullable: true, description: 'For PARTS entries: how many.' })
  quantity: string | null;

  @Field(() => String, { nullable: true, description: 'For LABOUR entries: the hours worked.' })
  hours: string | null;

  static from(e: RepairHistoryEntry): RepairHistoryEntryObject {
    const kind = (Object.values(RepairEntryKind) as string[]).includes(e.kind) ? (e.kind as RepairEntryKind) : RepairEntryKind.STATUS;
    return Object.assign(new RepairHistoryEntryObject(), { at: new Date(e.at), kind, text: e.text, status: e.status ?? null, partNumber: e.partNumber ?? null, quantity: e.quantity ?? null, hours: e.hours ?? null });
  }
}

@ObjectType('ServiceRequest', { description: 'A service (repair) request for a registered unit, carried out by the ERP\'s workshop.' })
export class ServiceRequestObject {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  registeredProductId: string;

  @Field(() => ServiceRequestStatus)
  status: ServiceRequestStatus;

  @Field()
  description: string;

  @Field({ description: 'Whether the unit was under warranty on the day the request was opened (else the repair is chargeable).' })
  underWarranty: boolean;

  @Field(() => String, { nullable: true, description: 'What holds it on its way to the ERP.' })
  statusReason: string | null;

  @Field(() => String, { nullable: true, description: "The ERP's service order number, once the ERP opened it." })
  erpServiceOrderNumber: string | null;

  @Field(() => Date, { nullable: true, description: 'When the workshop received the unit.' })
  receivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the workshop shipped it back.' })
  shippedBackAt: Date | null;

  @Field(() => Int, { description: 'Calendar days in service: from receipt at the workshop to shipping back (to today while there).' })
  daysInService: number;

  @Field(() => [RepairHistoryEntryObject], { description: "The workshop's history, oldest first: status moves, diagnosis, parts replaced, labour." })
  repairHistory: RepairHistoryEntryObject[];

  @Field(() => ID)
  openedByUserId: string;

  @Field()
  openedAt: Date;

  @Field()
  updatedAt: Date;

  static from(e: ServiceRequestEntity, daysInService: number): ServiceRequestObject {
    return Object.assign(new ServiceRequestObject(), {
      id: e.id, registeredProductId: e.registeredProductId, status: e.status, description: e.description, underWarranty: e.underWarranty, statusReason: e.statusReason,
      erpServiceOrderNumber: e.erpServiceOrderNumber, receivedAt: e.receivedAt, shippedBackAt: e.shippedBackAt, daysInService,
      repairHistory: (e.repairHistory ?? []).map(RepairHistoryEntryObject.from), openedByUserId: e.openedByUserId, openedAt: e.createdAt, updatedAt: e.updatedAt,
    });
  }
}

@ObjectType('RegisteredProduct', { description: 'A unit the company bought and registered: its serial number, purchase and warranty.' })
export class RegisteredProductObject {
  @Field(() => ID)
  id: string;

  @Field()
  serialNumber: string;

  @Field()
  sku: string;

  @Field(() => ProductReference)
  product: ProductReference;

  @Field({ description: 'The delivery note the unit came with.' })
  deliveryNoteNumber: string;

  @Field(() => ID)
  deliveryNoteId: string;

  @Field({ description: "The day of purchase (YYYY-MM-DD): the delivery note's delivery day, else its shipping day." })
  purchasedOn: string;

  @Field(() => Int, { nullable: true, description: "The product's warranty period in months (from the ERP); null: no warranty." })
  warrantyMonths: number | null;

  @Field(() => Int, { description: 'Days the unit spent in service, over all its service requests (open ones counted to today).' })
  daysInService: number;

  @Field(() => String, { nullable: true, description: 'The last day of warranty (YYYY-MM-DD): purchase day + warranty period + days in service; null: no warranty.' })
  warrantyEndsOn: string | null;

  @Field({ description: 'Under warranty today.' })
  underWarranty: boolean;

  @Field(() => ID)
  registeredByUserId: string;

  @Field()
  registeredAt: Date;

  @Field(() => CompanyReference)
  company: CompanyReference;

  static from(v: RegisteredProductView): RegisteredProductObject {
    const e = v.entity;
    return Object.assign(new RegisteredProductObject(), {
      id: e.id, serialNumber: e.serialNumber, sku: e.sku, product: ProductReference.of(erpEntityId('product', e.sku)), deliveryNoteNumber: e.deliveryNoteNumber, deliveryNoteId: e.deliveryNoteId,
      purchasedOn: e.purchasedOn, warrantyMonths: e.warrantyMonths, daysInService: v.daysInService, warrantyEndsOn: v.warrantyEndsOn, underWarranty: v.underWarranty,
      registeredByUserId: e.registeredByUserId, registeredAt: e.createdAt, company: CompanyReference.of(e.companyId),
    });
  }
}
