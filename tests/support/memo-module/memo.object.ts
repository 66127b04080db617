import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MemoEntity } from './memo.entity';

@Directive('@key(fields: "id")')
@ObjectType('Memo', { description: 'A notice from the distributor to your company (test extension module).' })
export class MemoObject {
  @Field(() => ID)
  id: string;

  @Field()
  text: string;

  @Field()
  publishedAt: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The ERP's number for the acknowledgement, once it has it." })
  erpAcknowledgement: string | null;

  static from(entity: MemoEntity): MemoObject {
    return Object.assign(new MemoObject(), {
      id: entity.id, text: entity.text, publishedAt: entity.publishedAt, acknowledgedAt: entity.acknowledgedAt, erpAcknowledgement: entity.erpAcknowledgement,
    });
  }
}
