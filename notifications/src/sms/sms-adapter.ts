/**
 * The SMS adapter contract over HTTP: `POST <url>/messages` with `Authorization: Bearer <key>` and
 * `{ "to": "+46…", "text": "…", "reference": "<message id>" }`; 202 with `{ "id" }` is accepted,
 * 4xx a permanent refusal, anything else worth retrying. demo-sms-gateway/ implements it.
 */
export interface SmsSender {
  send(sms: { to: string; text: string; reference: string }): Promise<{ response: string }>;
}

export class HttpSmsSender implements SmsSender {
  constructor(private readonly url: string, private readonly apiKey: string) {}

  async send(sms: { to: string; text: string; reference: string }): Promise<{ response: string }> {
    const response = await fetch(`${this.url.replace(/\/$/, '')}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify(sms),
    });
    const body = await response.text();
    if (response.status === 202) return { response: `202 ${body}` };
    const error = new Error(`SMS gateway answered ${response.status}: ${body}`) as Error & { responseCode?: number };
    // The same reading as SMTP's: 5xx in responseCode is a bounce, so a 4xx refusal maps to 550.
    if (response.status >= 400 && response.status < 500) error.responseCode = 550;
    throw error;
  }
}
