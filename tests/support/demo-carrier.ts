/** The admin key of the shared hub's demo carrier. */
export const TEST_CARRIER_ADMIN_KEY = 'test-carrier-admin-key';

/** Calls one of the shared hub's demo carrier's /admin endpoints (step, faults, lose a parcel); fails on non-2xx. */
export async function carrierAdmin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, baseUrl = process.env.HUB_TEST_CARRIER_URL!): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_CARRIER_ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
