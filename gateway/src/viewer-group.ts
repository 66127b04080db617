import { BREAK, DocumentNode, getNamedType, GraphQLSchema, isAbstractType, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { Viewer } from '@hub/auth';

/**
 * Types whose visibility depends on WHO the viewer is, not only on what the viewer may do:
 * a User is visible to its own user (customers' UserService.findVisible: `user.id === viewer.userId`),
 * which matters for supplier users, who see no other user. A subscription whose selection reaches
 * one of these types is resolved per user instead of per viewer group.
 * Add a type here whenever a resolver starts to read `viewer.userId` to decide what it returns.
 */
export const USER_SCOPED_TYPES: readonly string[] = ['User'];

/**
 * The key under which subscribers share one execution per event: the token's kind, company,
 * supplier and (sorted) permissions, plus the user id when the selection reaches a user-scoped type.
 *
 * Why sharing is safe: every access rule in the subgraphs (@hub/auth: requireViewer, requireStaff,
 * canSeeCompany, canSeeSupplier, companyScope, hasPermission) and every tenant filter reads only
 * these claims of the verified token, so two viewers with equal claims get byte-identical answers
 * to the same query with the same variables; the one rule that reads the user id is covered by
 * USER_SCOPED_TYPES. Tokens are still checked one by one: a subscriber whose token has expired is
 * ended with UNAUTHENTICATED before its group's next execution.
 */
export function viewerGroupKey(viewer: Viewer | null, perUser: boolean): string {
  if (!viewer) return 'anonymous';
  const permissions = [...new Set(viewer.permissions)].sort();
  return JSON.stringify([viewer.kind, viewer.companyId, viewer.supplierId, permissions, perUser ? viewer.userId : null]);
}

/** True when any field of the document returns (or may return) one of `typeNames`. */
export function reachesTypes(schema: GraphQLSchema, document: DocumentNode, typeNames: readonly string[] = USER_SCOPED_TYPES): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (!type) return undefined;
        const named = getNamedType(type);
        const candidates = isAbstractType(named) ? schema.getPossibleTypes(named).map((t) => t.name) : [named.name];
        if (candidates.some((name) => typeNames.includes(name))) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}
