import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CustomersContext } from '../context';
import { MarketingMaterialObject, PublishMarketingMaterialInput } from './marketing-material.object';

@Resolver(() => MarketingMaterialObject)
export class MarketingMaterialResolver {
  @Query(() => [MarketingMaterialObject], { nullable: true, description: "Marketing materials: a customer's (valid today, for its group; catalog.view), or for staff (staff.marketing) every current one, and with `all` withdrawn and out-of-date ones too." })
  async marketingMaterials(@Ctx() ctx: CustomersContext, @Arg('all', () => Boolean, { defaultValue: false }) all: boolean): Promise<MarketingMaterialObject[]> {
    return (await ctx.services.materials.list(all)).map(MarketingMaterialObject.from);
  }

  @Query(() => MarketingMaterialObject, { nullable: true, description: 'One marketing material you may see (NOT_FOUND otherwise).' })
  async marketingMaterial(@Ctx() ctx: CustomersContext, @Arg('id', () => ID) id: string): Promise<MarketingMaterialObject> {
    return MarketingMaterialObject.from(await ctx.services.materials.visible(id));
  }

  @Mutation(() => MarketingMaterialObject, { description: 'Publish a file to all customers or chosen customer groups, for a period (staff.marketing).' })
  async publishMarketingMaterial(@Ctx() ctx: CustomersContext, @Arg('input', () => PublishMarketingMaterialInput) input: PublishMarketingMaterialInput): Promise<MarketingMaterialObject> {
    return MarketingMaterialObject.from(await ctx.services.materials.publish(input));
  }

  @Mutation(() => MarketingMaterialObject, { description: 'Stop showing a material (staff.marketing); its links stop working.' })
  async withdrawMarketingMaterial(@Ctx() ctx: CustomersContext, @Arg('id', () => ID) id: string): Promise<MarketingMaterialObject> {
    return MarketingMaterialObject.from(await ctx.services.materials.withdraw(id));
  }

  @FieldResolver(() => String, { description: 'A signed download link for you (short-lived).' })
  async downloadUrl(@Root() material: MarketingMaterialObject, @Ctx() ctx: CustomersContext): Promise<string> {
    return ctx.services.materials.downloadUrl(material.id);
  }
}
