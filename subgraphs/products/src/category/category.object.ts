import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CategoryEntity } from './category.entity';

@ObjectType('Category', { description: "A web category: the shop's own tree, independent of the ERP's item groups." })
export class CategoryObject {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  /** The ERP's name; the field `name` is resolved in the viewer's language (CategoryResolver). */
  name: string;

  @Field(() => Int)
  position: number;

  entity: CategoryEntity;

  static from(entity: CategoryEntity): CategoryObject {
    return Object.assign(new CategoryObject(), { id: entity.id, code: entity.code, name: entity.name, position: entity.position, entity });
  }
}
