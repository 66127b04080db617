import { Field, ObjectType } from 'type-graphql';

@ObjectType('ProductSpecification', { description: 'One line of technical data from the ERP.' })
export class ProductSpecificationObject {
  @Field()
  name: string;

  @Field()
  value: string;

  @Field(() => String, { nullable: true })
  unit: string | null;
}

@ObjectType('ProductImage', { description: 'A photo or technical drawing.' })
export class ProductImageObject {
  @Field()
  url: string;

  @Field({ description: 'PHOTO or DIAGRAM.' })
  kind: string;

  @Field(() => String, { nullable: true })
  caption: string | null;
}
