import { GraphQLClient } from 'graphql-request';
import { GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, loadAuthSecrets } from '@hub/auth';
import { subgraphUrls } from './hub-client';

/**
 * A client that talks to one subgraph straight, as the gateway would: each request carries a genuine
 * gateway assertion for that subgraph, that exact body and that token (what an attacker holding the
 * gateway's key could do). `sign` picks what the assertion is signed for, to try replays.
 */
export function directSubgraphClient(
  subgraph: string,
  token?: string,
  sign: (body: string) => { subgraph?: string; body?: string; bearer?: string } = () => ({}),
  signer = new GatewayAssertionSigner(loadAuthSecrets()),
): GraphQLClient {
  const url = subgraphUrls()[subgraph];
  if (!url) throw new Error(`The test hub has no subgraph "${subgraph}".`);
  const fetchSigned = async (input: string | URL | Request, init?: RequestInit) => {
    const body = String(init?.body ?? '');
    const asked = sign(body);
    const headers = new Headers(init?.headers);
    headers.set(GATEWAY_ASSERTION_HEADER, await signer.sign({ subgraph: asked.subgraph ?? subgraph, body: asked.body ?? body, bearer: 'bearer' in asked ? asked.bearer : token }));
    return fetch(input, { ...init, headers });
  };
  return new GraphQLClient(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, fetch: fetchSigned });
}
