/** An offer was sent, viewed, changed (a new version) or decided (key: the offer id; data on sending: which version and file to mail). */
export const OFFER_CHANGED_TOPIC = 'offerChanged';

/** What a send adds to the event: the e-mail goes out once per send. */
export interface OfferSentData {
  sent: { version: number; attachment: 'PDF' | 'XLSX'; at: string };
}
