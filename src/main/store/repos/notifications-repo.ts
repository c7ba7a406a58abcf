import type { Database } from 'better-sqlite3'

export interface NotificationRow {
  id: string
  level: 'info' | 'success' | 'warning' | 'error'
  title: string
  body: string
  at: string
  read_at: string | null
  /** The renderer's key (`<key>.title`, `<key>.body`); null: show `title` and `body` as written. */
  message_key: string | null
  /** The key's parameters, as JSON. */
  message_params: string | null
}

/** What the notification centre lists, newest first. */
export function createNotificationsRepo(db: Database) {
  const s = {
    insert: db.prepare(
      `INSERT INTO notifications (id, level, title, body, at, message_key, message_params)
       VALUES (@id, @level, @title, @body, @at, @message_key, @message_params)`
    ),
    recent: db.prepare<[string, number], NotificationRow>(
      `SELECT * FROM notifications
        WHERE message_key IS NULL OR message_key NOT IN (SELECT value FROM json_each(?))
        ORDER BY at DESC, id DESC LIMIT ?`
    ),
    unread: db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM notifications
        WHERE read_at IS NULL
          AND (message_key IS NULL OR message_key NOT IN (SELECT value FROM json_each(?)))`
    ),
    // Only what the viewer may see: "mark all read" must not clear a notice kept for a manager.
    markAll: db.prepare<[string, string]>(
      `UPDATE notifications SET read_at = ?
        WHERE read_at IS NULL
          AND (message_key IS NULL OR message_key NOT IN (SELECT value FROM json_each(?)))`
    ),
    markOne: db.prepare<[string, string, string]>(
      `UPDATE notifications SET read_at = ?
        WHERE id = ? AND read_at IS NULL
          AND (message_key IS NULL OR message_key NOT IN (SELECT value FROM json_each(?)))`
    )
  }
  return {
    insert: (row: Omit<NotificationRow, 'read_at'>) => void s.insert.run(row),
    /** The latest `limit`, newest first, leaving out those whose message key is in `hiddenKeys`. */
    recent: (limit: number, hiddenKeys: readonly string[] = []): NotificationRow[] =>
      s.recent.all(JSON.stringify(hiddenKeys), limit),
    /** How many are unread, leaving out those whose message key is in `hiddenKeys`. */
    unreadCount: (hiddenKeys: readonly string[] = []): number => s.unread.get(JSON.stringify(hiddenKeys))!.n,
    /**
     * Marks `ids` (or all) read at `at`, leaving unread those whose message key is in `hiddenKeys`
     * (the viewer never saw them, so they stay unread for whoever may).
     */
    markRead(at: string, ids?: string[], hiddenKeys: readonly string[] = []): void {
      const hidden = JSON.stringify(hiddenKeys)
      if (ids === undefined) s.markAll.run(at, hidden)
      else for (const id of ids) s.markOne.run(at, id, hidden)
    }
  }
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>
