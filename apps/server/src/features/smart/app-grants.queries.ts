import type { Queryable } from '../../platform/db/db.ts';

/** SQL for smart_app_grants (one row per app connection a person approved) and smart_clients. */

export type AppGrantRow = {
  grant_id: string;
  connection_id: string;
  user_id: string;
  patient_id: string;
  client_id: string;
  scope: string;
  authorized_at: Date;
  last_used_at: Date | null;
};

export async function insertAppGrant(q: Queryable, g: { grantId: string; connectionId: string; userId: string; patientId: string; clientId: string; scope: string }) {
  await q.query('INSERT INTO smart_app_grants (grant_id, connection_id, user_id, patient_id, client_id, scope) VALUES ($1, $2, $3, $4, $5, $6)',
    [g.grantId, g.connectionId, g.userId, g.patientId, g.clientId, g.scope]);
}

/** The patient an active grant was given for. */
export async function patientOfGrant(q: Queryable, grantId: string): Promise<string | undefined> {
  const [row] = await q.query<{ patient_id: string }>('SELECT patient_id FROM smart_app_grants WHERE grant_id = $1 AND revoked_at IS NULL', [grantId]);
  return row?.patient_id;
}

export async function activeAppGrant(q: Queryable, grantId: string): Promise<AppGrantRow | undefined> {
  const [row] = await q.query<AppGrantRow>('SELECT * FROM smart_app_grants WHERE grant_id = $1 AND revoked_at IS NULL', [grantId]);
  return row;
}

/**
 * The live connections a person controls: the ones they made, and the ones anyone (a proxy) made
 * to their own patient record. `connected_by` is the connector's display name.
 */
export async function liveAppGrantsControlledBy(q: Queryable, userId: string, patientId: string | null): Promise<(AppGrantRow & { connected_by: string })[]> {
  return q.query<AppGrantRow & { connected_by: string }>(
    `SELECT g.*, g.connection_id::text AS connection_id, u.display_name AS connected_by FROM smart_app_grants g
       JOIN oidc_models m ON m.model = 'Grant' AND m.id = g.grant_id AND (m.expires_at IS NULL OR m.expires_at > now())
       JOIN users u ON u.id = g.user_id
      WHERE (g.user_id = $1 OR ($2::text IS NOT NULL AND g.patient_id = $2)) AND g.revoked_at IS NULL
      ORDER BY g.authorized_at DESC`,
    [userId, patientId],
  );
}

export async function markAppGrantRevoked(q: Queryable, grantId: string) {
  await q.query('UPDATE smart_app_grants SET revoked_at = now() WHERE grant_id = $1 AND revoked_at IS NULL', [grantId]);
}

/** Records use by the FHIR API, at most once a minute per grant. */
export async function touchAppGrant(q: Queryable, grantId: string) {
  await q.query("UPDATE smart_app_grants SET last_used_at = now() WHERE grant_id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", [grantId]);
}

/** Live connections per client, for the admin list. */
export async function activeConnectionsByClient(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ client_id: string; n: string | number }>(
    `SELECT g.client_id, count(*) AS n FROM smart_app_grants g
       JOIN oidc_models m ON m.model = 'Grant' AND m.id = g.grant_id AND (m.expires_at IS NULL OR m.expires_at > now())
      WHERE g.revoked_at IS NULL GROUP BY g.client_id`,
  );
  return new Map(rows.map((r) => [r.client_id, Number(r.n)]));
}

/** Grants of one client that are still live (to revoke when the client is deleted). */
export async function liveGrantIdsOfClient(q: Queryable, clientId: string): Promise<string[]> {
  const rows = await q.query<{ grant_id: string }>('SELECT grant_id FROM smart_app_grants WHERE client_id = $1 AND revoked_at IS NULL', [clientId]);
  return rows.map((r) => r.grant_id);
}
