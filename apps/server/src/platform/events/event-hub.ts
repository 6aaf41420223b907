import type { LiveEvent, NotificationKind } from '@ourchart/contracts';
import type { Db } from '../db/db.ts';
import { LIVE_CHANNEL, type LiveMessage } from './publish.ts';

type Logger = { warn(obj: object, msg: string): void };

/** An open event stream of one signed-in user (one browser tab). */
export type LiveStream = { userId: string; send(event: LiveEvent): void };

/** Streams one user may hold open at once (tabs); the oldest is closed beyond this. */
const MAX_STREAMS_PER_USER = 10;

/**
 * Fans live events out to the streams open on this node. Every node LISTENs on one channel; a
 * NOTIFY names a user, and only the node(s) holding that user's streams do anything with it.
 */
export class EventHub {
  readonly #db: Db;
  readonly #log: Logger | undefined;
  readonly #streams = new Map<string, Set<LiveStream & { close(): void }>>();
  #listening: Promise<() => Promise<void>> | null = null;

  constructor(db: Db, log?: Logger) {
    this.#db = db;
    this.#log = log;
  }

  /** Starts listening (once); resolves when NOTIFYs from now on will be heard. */
  start(): Promise<void> {
    this.#listening ??= this.#db.listen(LIVE_CHANNEL, (payload) => void this.#deliver(payload));
    return this.#listening.then(() => undefined);
  }

  /** Adds a stream; returns the function that removes it. `close` is called if the hub drops it. */
  add(stream: LiveStream & { close(): void }): () => void {
    let set = this.#streams.get(stream.userId);
    if (!set) this.#streams.set(stream.userId, (set = new Set()));
    set.add(stream);
    if (set.size > MAX_STREAMS_PER_USER) set.values().next().value?.close();
    return () => {
      set.delete(stream);
      if (set.size === 0 && this.#streams.get(stream.userId) === set) this.#streams.delete(stream.userId);
    };
  }

  /** Open streams on this node (for tests and shutdown). */
  get size(): number {
    let n = 0;
    for (const set of this.#streams.values()) n += set.size;
    return n;
  }

  /** Ends every stream and stops listening (server shutdown). */
  async stop(): Promise<void> {
    for (const set of [...this.#streams.values()]) for (const s of [...set]) s.close();
    const listening = this.#listening;
    this.#listening = null;
    if (listening) await (await listening.catch(() => async () => {}))();
  }

  async #deliver(payload: string): Promise<void> {
    let message: LiveMessage;
    try {
      message = JSON.parse(payload) as LiveMessage;
    } catch {
      return;
    }
    const set = this.#streams.get(message.u);
    if (!set || set.size === 0) return;
    try {
      const event = 'n' in message ? await this.#notificationEvent(message.u, message.n) : message.e;
      if (event) for (const s of set) s.send(event);
    } catch (err) {
      this.#log?.warn({ err: String(err) }, 'live event not delivered');
    }
  }

  /** The event for a notification: the row's kind and item ids (no content) and the new unread count. */
  async #notificationEvent(userId: string, id: string): Promise<LiveEvent | null> {
    const [row] = await this.#db.query<{ kind: NotificationKind; patient_id: string; entity_type: string | null; entity_id: string | null; unread: number }>(
      `SELECT kind, patient_id, entity_type, entity_id,
              (SELECT count(*)::int FROM notifications WHERE user_id = $2 AND read_at IS NULL) AS unread
         FROM notifications WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (!row) return null;
    return { type: 'notification', id, kind: row.kind, patientId: row.patient_id, entityType: row.entity_type, entityId: row.entity_id, unread: row.unread };
  }
}
