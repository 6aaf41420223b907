-- In-app notifications: "something is waiting for you" (a new result, a reply, a due vaccine).
-- One row per recipient user. A row names what happened (kind) and which record item it is about
-- (entity_type/entity_id), never the clinical content: the page shows the item after an
-- authorized, audited read, so a notification list discloses nothing by itself.
CREATE TABLE notifications (
  id           uuid        PRIMARY KEY,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  patient_id   text        NOT NULL,
  kind         text        NOT NULL,
  entity_type  text,
  entity_id    text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  read_at      timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
-- One notification per user, kind and item: re-imports and retries never notify twice.
CREATE UNIQUE INDEX notifications_once_idx ON notifications (user_id, kind, entity_type, entity_id);
