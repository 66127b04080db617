/** The admin key of the shared hub's demo SMS gateway. */
export const TEST_SMS_ADMIN_KEY = 'test-sms-admin-key';

/** Calls one of the shared hub's demo SMS gateway's /admin endpoints (messages, faults); fails on non-2xx. */
export async function smsAdmin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, baseUrl = process.env.HUB_TEST_SMS_URL!): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_SMS_ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The texts the demo SMS gateway accepted for a number. */
export async function textsTo(phone: string): Promise<Array<{ id: string; to: string; from: string; body: string; reference: string; status: string }>> {
  return smsAdmin('GET', `/admin/messages?to=${encodeURIComponent(phone)}`);
}
