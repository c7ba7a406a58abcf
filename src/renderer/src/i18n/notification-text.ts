import type { TFunction } from 'i18next'

/**
 * A notification's title and body in the screen's language: from its key and params when it
 * has them (a param `<name>Key` is a key, translated and passed as `<name>`), else as raised.
 * Free of the stores, so a unit test in Node type-checks it without the browser.
 */
export function notificationText(
  item: { title: string; body: string; key?: string; params?: Record<string, string | number> },
  t: TFunction
): { title: string; body: string } {
  if (!item.key) return { title: item.title, body: item.body }
  const params: Record<string, string | number> = { ...item.params }
  for (const [name, value] of Object.entries(item.params ?? {}))
    if (name.endsWith('Key') && typeof value === 'string') params[name.slice(0, -3)] = t(value, params)
  return { title: t(`${item.key}.title`, params), body: t(`${item.key}.body`, params) }
}
