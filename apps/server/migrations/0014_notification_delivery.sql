-- Notification delivery (issue 6): per-type preferences, web push subscriptions and the
-- coalescing state of notification emails. Nothing here holds clinical content: a preference is
-- a switch, a subscription is where a browser wants its pushes, and the email state is a time.

-- Email and push switches per user and kind group (messages, results, appointments, record,
-- care-alerts). No row: the defaults in platform/notifications/preferences.ts apply, so a new
-- kind or a new account needs no backfill.
CREATE TABLE notification_preferences (
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind_group  text        NOT NULL,
  email       boolean     NOT NULL,
  push        boolean     NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind_group)
);

-- One row per browser that agreed to receive pushes. The endpoint is unique: subscribing the same
-- browser again (or from another account on a shared computer) moves it to the newest account.
-- A 404/410 from the push service deletes the row.
CREATE TABLE push_subscriptions (
  id          uuid        PRIMARY KEY,
  user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint    text        NOT NULL UNIQUE,
  p256dh      text        NOT NULL,
  auth        text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

-- When the last "something is waiting" email of a kind went to a user: at most one per user and
-- kind per 10 minutes, so ten new messages make one email.
CREATE TABLE notification_email_state (
  user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind          text        NOT NULL,
  last_sent_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, kind)
);
