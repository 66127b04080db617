/** A gateway's answer that is not an acceptance. `permanent`: the same request will never succeed (bad number, bad request). */
export class SmsGatewayError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'SmsGatewayError';
  }
}
