/** The zh-CN twin of an English message tree: same keys, any strings. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** One feature's strings in both languages; zh-CN is type-checked to have the same keys as en. */
export interface MessageBundle<T> {
  en: T
  'zh-CN': Messages<T>
}

export function defineMessages<T>(en: T, zhCN: Messages<T>): MessageBundle<T> {
  return { en, 'zh-CN': zhCN }
}
