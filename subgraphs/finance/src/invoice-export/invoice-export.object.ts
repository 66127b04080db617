import { Field, ObjectType } from 'type-graphql';
import { InvoiceExportFormat } from './invoice-export.inputs';

@ObjectType('InvoiceExport', { description: 'A short-lived link to the filtered invoice list as a file; only the user it was made for can open it.' })
export class InvoiceExportObject {
  @Field({ description: 'GET it with the same Authorization header as the GraphQL API.' })
  url: string;

  @Field()
  fileName: string;

  @Field(() => InvoiceExportFormat)
  format: InvoiceExportFormat;

  @Field(() => Date, { description: 'The link stops working then (the file is built when it is opened).' })
  expiresAt: Date;
}
