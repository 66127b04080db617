import { EntityManager } from '@mikro-orm/postgresql';

export interface DuplicateCandidate {
  companyId: string;
  erpNumber: string;
  name: string;
  nameScore: number;
  addressScore: number;
  emailMatch: boolean;
}

/** What a registration is compared by (normalised as normalize-text.ts does). */
export interface RegistrationLikeness {
  normalizedName: string;
  normalizedAddress: string;
  email: string;
}

/** Similarities (0..1) from which a company counts as a candidate. */
export interface DuplicateThresholds {
  name: number;
  address: number;
}

export class RegistrationRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Existing customers that look like the registration: trigram similarity (pg_trgm) of the
   * normalised names, of the address against every invoice and delivery address, or the e-mail
   * being one of the company's ERP contacts. The best `limit`: e-mail matches first, then by the
   * higher of the two scores.
   */
  async duplicateCandidates(registration: RegistrationLikeness, thresholds: DuplicateThresholds, limit = 10): Promise<DuplicateCandidate[]> {
    // The company side is normalised in SQL the way normalizeText does (accents are compared as they are).
    const rows: Array<{ id: string; erp_number: string; name: string; name_score: number; address_score: number | null; email_match: boolean }> = await this.em.execute(
      `with scored as (
         select c.id, c.erp_number, c.name,
                public.similarity(trim(regexp_replace(lower(c.name), '[^[:alnum:]]+', ' ', 'g')), ?) as name_score,
                (select max(public.similarity(trim(regexp_replace(lower(coalesce(a->>'street', '') || ' ' || replace(coalesce(a->>'postalCode', ''), ' ', '') || ' ' || coalesce(a->>'city', '')), '[^[:alnum:]]+', ' ', 'g')), ?))
                   from jsonb_array_elements(coalesce(c.delivery_addresses, '[]'::jsonb) || jsonb_build_array(coalesce(c.invoice_address, '{}'::jsonb))) a) as address_score,
                exists (select 1 from customers.contact k where k.company_id = c.id and lower(k.email) = ?) as email_match
           from customers.company c
       )
       select * from scored where name_score >= ? or address_score >= ? or email_match
        order by email_match desc, greatest(name_score, coalesce(address_score, 0)) desc, name limit ?`,
      [registration.normalizedName, registration.normalizedAddress, registration.email, thresholds.name, thresholds.address, limit],
    );
    return rows.map((r) => ({
      companyId: r.id, erpNumber: r.erp_number, name: r.name, nameScore: Number(r.name_score), addressScore: Number(r.address_score ?? 0), emailMatch: r.email_match,
    }));
  }
}
