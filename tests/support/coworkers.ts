import { randomUUID } from 'node:crypto';
import { as, client } from './hub-client';

const CREATE = `mutation($input: CreateCoworkerInput!) { createCoworker(input: $input) { id email permissions active } }`;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

/** The password tests give the coworkers they create. */
export const COWORKER_PASSWORD = 'coworker-password-1';

/** An e-mail nobody else uses, at the first demo company's domain. */
export const uniqueEmail = (name: string) => `${name}-${randomUUID().slice(0, 8)}@nordic-tools.example`;

/** Creates a user of the admin's company through the gateway, as that admin. */
export async function createCoworker(adminEmail: string, input: Record<string, unknown>) {
  const api = await as(adminEmail);
  return (await api.request<{ createCoworker: { id: string; email: string; permissions: string[]; active: boolean } }>(CREATE, { input })).createCoworker;
}

/** Signs in through the gateway (a fresh token each time). */
export async function login(email: string, password = COWORKER_PASSWORD): Promise<string> {
  return (await client().request<{ login: { token: string } }>(LOGIN, { e: email, p: password })).login.token;
}
