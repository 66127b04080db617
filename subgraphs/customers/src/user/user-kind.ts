import { registerEnumType } from 'type-graphql';

export enum UserKind {
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
  SUPPLIER = 'SUPPLIER',
}

registerEnumType(UserKind, { name: 'UserKind', description: 'Whom a user account belongs to.' });
