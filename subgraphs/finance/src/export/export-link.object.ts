import { Field, ObjectType } from 'type-graphql';
import { ExportFormat } from './export-format';

@ObjectType('ExportLink', { description: 'A short-lived link to a file (an export); only the user it was made for can open it.' })
export class ExportLinkObject {
  @Field({ description: 'GET it with the same Authorization header as the GraphQL API.' })
  url: string;

  @Field()
  fileName: string;

  @Field(() => ExportFormat)
  format: ExportFormat;

  @Field(() => Date, { description: 'The link stops working then (the file is built when it is opened).' })
  expiresAt: Date;
}
