import type { Migration } from './types'

/**
 * `notifications` gains the message's key and parameters (issue 10): a notification is shown
 * in the language the screen is in now, not the one it was raised in. `message_key` names
 * `<key>.title` and `<key>.body` in the renderer's locales; `message_params` is their
 * parameters as JSON. Both are NULL for a notification raised before (or without a key): its
 * `title` and `body` text are shown as written.
 */
export const migration0160NotificationKeys: Migration = {
  version: 160,
  name: 'notification-keys',
  up(db) {
    db.exec(`
      ALTER TABLE notifications ADD COLUMN message_key TEXT;
      ALTER TABLE notifications ADD COLUMN message_params TEXT CHECK (message_params IS NULL OR json_valid(message_params));
    `)
  }
}
