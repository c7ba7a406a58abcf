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
    markAll: db.prepare('UPDATE notifications SET read_at = ? WHERE read_at IS NULL'),
    markOne: db.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL')
  }
  return {
    insert: (row: Omit<NotificationRow, 'read_at'>) => void s.insert.run(row),
    /** The latest `limit`, newest first, leaving out those whose message key is in `hiddenKeys`. */
    recent: (limit: number, hiddenKeys: readonly string[] = []): NotificationRow[] =>
      s.recent.all(JSON.stringify(hiddenKeys), limit),
    /** How many are unread, leaving out those whose message key is in `hiddenKeys`. */
    unreadCount: (hiddenKeys: readonly string[] = []): number => s.unread.get(JSON.stringify(hiddenKeys))!.n,
    markRead(at: string, ids?: string[]): void {
      if (ids === undefined) s.markAll.run(at)
      else for (const id of ids) s.markOne.run(at, id)
    }
  }
}

export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>
