import type { TFunction } from 'i18next'
import type { AppNotification } from '../stores/notification-store'

/**
 * A notification's title and body in the screen's language: from its key and params when it
 * has them (a param `<name>Key` is a key, translated and passed as `<name>`), else as raised.
 */
export function notificationText(
  item: Pick<AppNotification, 'title' | 'body' | 'key' | 'params'>,
  t: TFunction
): { title: string; body: string } {
  if (!item.key) return { title: item.title, body: item.body }
  const params: Record<string, string | number> = { ...item.params }
  for (const [name, value] of Object.entries(item.params ?? {}))
    if (name.endsWith('Key') && typeof value === 'string') params[name.slice(0, -3)] = t(value, params)
  return { title: t(`${item.key}.title`, params), body: t(`${item.key}.body`, params) }
}
