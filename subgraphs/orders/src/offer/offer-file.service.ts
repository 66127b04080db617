import { DEFAULT_FILE_LINK_TTL_SECONDS, FileLinkRef, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { FileLinks, FileRoute, isUuid, ServedFile } from '@hub/subgraph-kit';
import { OfferEntity } from './offer.entity';
import { fetchImage, OfferBranding } from './offer-branding';
import { OfferDocumentImages, offerPdf, offerXlsx } from './offer-document.writer';
import { OfferFileFormat } from './offer.object';
import { OfferService } from './offer.service';

export const OFFER_FILE_ROUTE = 'offer-files';

export const OFFER_FILE_TYPES: Readonly<Record<OfferFileFormat, { contentType: string; extension: string }>> = {
  PDF: { contentType: 'application/pdf', extension: 'pdf' },
  XLSX: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

export const offerFileName = (offer: Pick<OfferEntity, 'number' | 'version'>, format: OfferFileFormat): string => `${offer.number}-v${offer.version}.${OFFER_FILE_TYPES[format].extension}`;

/** The offer's current version as a file, with the deployment's branding and the customer's logo. */
export async function offerDocument(offer: OfferEntity, format: OfferFileFormat, branding: OfferBranding): Promise<Buffer> {
  const images: OfferDocumentImages = { branding, partnerLogo: offer.partner.logoUrl ? await fetchImage(offer.partner.logoUrl) : null };
  return format === OfferFileFormat.XLSX ? offerXlsx(offer, images) : offerPdf(offer, images);
}

/** Offer files behind signed links: the link names the offer and format; whoever opens it is checked again like `offer(id)`. */
export class OfferFileService {
  constructor(
    private readonly offers: OfferService,
    private readonly links: FileLinks,
    private readonly branding: () => Promise<OfferBranding>,
    private readonly ttlSeconds: number = DEFAULT_FILE_LINK_TTL_SECONDS,
  ) {}

  async issue(viewer: Viewer | null, id: string, format: OfferFileFormat): Promise<{ url: string; fileName: string; format: OfferFileFormat; expiresAt: Date }> {
    if (!isUuid(id)) throw badUserInput('Offer id must be a UUID.', 'id');
    const offer = await this.offers.findVisible(viewer, id);
    if (!offer) throw notFound('Offer', id);
    const url = await this.links.url(viewer!, OFFER_FILE_ROUTE, { offerId: offer.id, fmt: format } as unknown as FileLinkRef);
    return { url, fileName: offerFileName(offer, format), format, expiresAt: new Date(Date.now() + this.ttlSeconds * 1000) };
  }

  async serve(viewer: Viewer | null, ref: FileLinkRef): Promise<ServedFile> {
    const r = ref as unknown as { offerId?: unknown; fmt?: unknown };
    if (typeof r.offerId !== 'string' || !Object.values(OfferFileFormat).includes(r.fmt as OfferFileFormat)) throw badUserInput('This offer link is not valid.');
    const offer = await this.offers.findVisible(viewer, r.offerId);
    if (!offer) throw notFound('Offer', r.offerId);
    const format = r.fmt as OfferFileFormat;
    return { body: await offerDocument(offer, format, await this.branding()), contentType: OFFER_FILE_TYPES[format].contentType, fileName: offerFileName(offer, format), disposition: 'attachment' };
  }
}

/** GET /files/orders/<token> on the gateway. */
export const offerFileRoute: FileRoute<any> = {
  name: OFFER_FILE_ROUTE,
  async serve(ref, context) {
    return context.services.offerFiles.serve(context.viewer, ref);
  },
};
