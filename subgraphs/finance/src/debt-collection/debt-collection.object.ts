import { Field, ID, ObjectType } from 'type-graphql';
import { DebtCollectionCaseEntity } from './debt-collection-case.entity';
import { DebtCollectionExportEntity } from './debt-collection-export.entity';
import { CollectableItem } from './debt-collection.repository';

@ObjectType('CollectableInvoice', { description: 'An open invoice dunned at the last level and not handed over yet (staff).' })
export class CollectableInvoiceObject {
  @Field() documentNumber: string;
  @Field(() => ID) companyId: string;
  @Field() dueDate: string;
  @Field() openAmount: string;
  @Field() currency: string;
  @Field({ description: 'When it was dunned at the last level.' }) lastDunnedOn: string;

  static from(i: CollectableItem): CollectableInvoiceObject {
    return Object.assign(new CollectableInvoiceObject(), { documentNumber: i.documentNumber, companyId: i.companyId, dueDate: i.dueDate, openAmount: i.openAmount, currency: i.currency, lastDunnedOn: i.lastDunnedOn });
  }
}

@ObjectType('DebtCollectionExportEntry', { description: 'One download of a case export.' })
export class DebtCollectionExportObject {
  @Field(() => ID) downloadedBy: string;
  @Field() downloadedAt: Date;

  static from(e: DebtCollectionExportEntity): DebtCollectionExportObject {
    return Object.assign(new DebtCollectionExportObject(), { downloadedBy: e.downloadedBy, downloadedAt: e.downloadedAt });
  }
}

@ObjectType('DebtCollectionCase', { description: "A debtor's overdue invoices handed to a debt-collection agency (no longer dunned)." })
export class DebtCollectionCaseObject {
  @Field(() => ID) id: string;
  @Field({ description: 'DC-<year>-<n>.' }) number: string;
  @Field(() => ID) companyId: string;
  @Field() agency: string;
  @Field(() => [String]) documentNumbers: string[];
  @Field(() => ID) handedOverBy: string;
  @Field() handedOverAt: Date;
  /** Filled by the service (the download log). */
  @Field(() => [DebtCollectionExportObject], { description: 'Who downloaded its export, and when (oldest first).' }) exports: DebtCollectionExportObject[];

  static from(c: DebtCollectionCaseEntity, exports: readonly DebtCollectionExportEntity[]): DebtCollectionCaseObject {
    return Object.assign(new DebtCollectionCaseObject(), {
      id: c.id, number: c.number, companyId: c.companyId, agency: c.agency, documentNumbers: c.documentNumbers, handedOverBy: c.handedOverBy, handedOverAt: c.handedOverAt,
      exports: exports.map(DebtCollectionExportObject.from),
    });
  }
}

@ObjectType('DebtCollectionExportLink', { description: "A short-lived link to a case's export (JSON, format erp-hub.debt-collection-case/1); only the user it was made for can open it." })
export class DebtCollectionExportLinkObject {
  @Field({ description: 'GET it with the same Authorization header as the GraphQL API.' }) url: string;
  @Field() fileName: string;
  @Field() expiresAt: Date;
}
