import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { BrandingEntity } from './branding.entity';
import { BrandingInput } from './branding.object';

const COLOR = /^#[0-9a-fA-F]{6}$/;
const ADDRESS = /^(?:[^<>@\r\n]{1,100} <[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

function checkUrl(field: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badUserInput(`${field} must be an http(s) URL.`, field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badUserInput(`${field} must be an http(s) URL.`, field);
}

export class BrandingService {
  constructor(private readonly em: EntityManager) {}

  async current(): Promise<BrandingEntity> {
    return (await this.em.findOne(BrandingEntity, { id: 'deployment' })) ?? new BrandingEntity();
  }

  /** Staff (staff.admin's staff.users) change the branding; every field is checked before anything changes. */
  async update(viewer: Viewer | null, input: BrandingInput): Promise<BrandingEntity> {
    requireStaffPermission(viewer, 'staff.users');
    const text = (field: string, value: string, max: number) => {
      if (value.trim().length === 0 || value.length > max) throw badUserInput(`${field} must be 1 to ${max} characters.`, field);
    };
    if (input.name != null) text('name', input.name, 100);
    if (input.legalFooter != null) text('legalFooter', input.legalFooter, 500);
    for (const field of ['primaryColor', 'accentColor'] as const) {
      if (input[field] != null && !COLOR.test(input[field]!)) throw badUserInput(`${field} must be a colour like #1f4e79.`, field);
    }
    if (input.senderAddress != null && !ADDRESS.test(input.senderAddress.trim())) throw badUserInput('senderAddress must be an address or "Name <address>".', 'senderAddress');
    if (input.logoUrl) checkUrl('logoUrl', input.logoUrl);
    if (input.webUrl != null) checkUrl('webUrl', input.webUrl);
    const branding = await this.current();
    if (input.name != null) branding.name = input.name.trim();
    if (input.logoUrl !== undefined && input.logoUrl !== null) branding.logoUrl = input.logoUrl === '' ? null : input.logoUrl;
    if (input.primaryColor != null) branding.primaryColor = input.primaryColor;
    if (input.accentColor != null) branding.accentColor = input.accentColor;
    if (input.senderAddress != null) branding.senderAddress = input.senderAddress.trim();
    if (input.legalFooter != null) branding.legalFooter = input.legalFooter.trim();
    if (input.webUrl != null) branding.webUrl = input.webUrl;
    branding.updatedAt = new Date();
    await this.em.persist(branding).flush();
    return branding;
  }
}
