import { registerEnumType } from 'type-graphql';

/** Where a return (RMA) stands; the moves between them are in return.state-machine.ts. */
export enum ReturnStatus {
  FILED = 'FILED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  LABEL_ISSUED = 'LABEL_ISSUED',
  IN_TRANSIT = 'IN_TRANSIT',
  RECEIVED = 'RECEIVED',
  ASSESSED = 'ASSESSED',
  CREDITED = 'CREDITED',
  EXCHANGED = 'EXCHANGED',
  CLOSED = 'CLOSED',
}

registerEnumType(ReturnStatus, { name: 'ReturnStatus', description: 'Where a return (RMA) stands.' });

/** What the returned goods become, decided by staff after assessing them. */
export enum ReturnDisposition {
  CREDIT = 'CREDIT',
  EXCHANGE = 'EXCHANGE',
}

registerEnumType(ReturnDisposition, { name: 'ReturnDisposition', description: 'What the returned goods become: a credit note, or replacement goods.' });

/** The goods as the customer describes them. */
export enum ReturnCondition {
  UNOPENED = 'UNOPENED',
  OPENED = 'OPENED',
  USED = 'USED',
  DAMAGED = 'DAMAGED',
  DEFECTIVE = 'DEFECTIVE',
}

registerEnumType(ReturnCondition, { name: 'ReturnCondition', description: 'The condition of the goods returned.' });

/** What a file attached to a return is. LABEL is the hub's own return label, issued on acceptance. */
export enum ReturnFileKind {
  PHOTO = 'PHOTO',
  WAYBILL = 'WAYBILL',
  LABEL = 'LABEL',
}

registerEnumType(ReturnFileKind, { name: 'ReturnFileKind', description: "A return's file: a photo of the goods, the carrier's waybill, or the return label." });
