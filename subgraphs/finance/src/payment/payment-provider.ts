import { HttpPaymentProvider, PaymentProvider } from '@hub/payment-contract';

/** Where the card payment provider is, from the environment the launcher sets (HUB_PAYMENTS_URL, _API_KEY, _WEBHOOK_SECRET). */
export interface PaymentProviderSettings {
  provider: PaymentProvider | null;
  webhookSecret: string | null;
}

let cached: { url: string; settings: PaymentProviderSettings } | null = null;

export function paymentProviderSettings(env: NodeJS.ProcessEnv = process.env): PaymentProviderSettings {
  const url = env.HUB_PAYMENTS_URL ?? '';
  if (cached && cached.url === url) return cached.settings;
  const settings: PaymentProviderSettings = {
    provider: url ? new HttpPaymentProvider({ baseUrl: url, apiKey: env.HUB_PAYMENTS_API_KEY ?? '', timeoutMs: Number(env.HUB_PAYMENTS_TIMEOUT_MS ?? 8000) }) : null,
    webhookSecret: env.HUB_PAYMENTS_WEBHOOK_SECRET || null,
  };
  cached = { url, settings };
  return settings;
}
