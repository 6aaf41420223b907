import type { Queryable } from '../../platform/db/db.ts';
import type { PriceItem } from './estimate.ts';

/** Active visit types that have a price list (migration 0018), in the clinic's order. */
export async function pricedVisitTypes(db: Queryable): Promise<{ id: string; nameEn: string; nameEs: string }[]> {
  const rows = await db.query<{ id: string; name_en: string; name_es: string }>(
    `SELECT v.id, v.name_en, v.name_es FROM visit_types v
      WHERE v.active AND EXISTS (SELECT 1 FROM clinic_prices p WHERE p.visit_type_id = v.id) ORDER BY v.sort_order, v.id`,
  );
  return rows.map((r) => ({ id: r.id, nameEn: r.name_en, nameEs: r.name_es }));
}

/** The price list of one visit type in the reader's language. */
export async function priceList(db: Queryable, visitTypeId: string, language: 'en' | 'es'): Promise<PriceItem[]> {
  const rows = await db.query<{ cpt: string; name: string; price_cents: number; allowed_cents: number }>(
    `SELECT cpt, ${language === 'es' ? 'name_es' : 'name_en'} AS name, price_cents, allowed_cents FROM clinic_prices WHERE visit_type_id = $1 ORDER BY sort_order, cpt`,
    [visitTypeId],
  );
  return rows.map((r) => ({ cpt: r.cpt, name: r.name, priceCents: Number(r.price_cents), allowedCents: Number(r.allowed_cents) }));
}
