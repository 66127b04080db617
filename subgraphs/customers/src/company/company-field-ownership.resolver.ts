import { Ctx, Query, Resolver } from 'type-graphql';
import { requireViewer } from '@hub/auth';
import { CustomersContext } from '../context';
import { FieldOwnershipObject } from './company-field-ownership.object';

@Resolver(() => FieldOwnershipObject)
export class FieldOwnershipResolver {
  @Query(() => [FieldOwnershipObject], { description: 'Field ownership (I5): the master of each synchronised field in this deployment (staff only).' })
  fieldOwnership(@Ctx() ctx: CustomersContext): FieldOwnershipObject[] {
    return ctx.services.companies.fieldOwnership(requireViewer(ctx.viewer));
  }
}
