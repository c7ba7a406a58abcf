import { resources as tillResources } from '@renderer/i18n/resources'
import { hqBundles } from './locales'

export type Language = 'zh-CN' | 'en'

type Tree = Record<string, unknown>

/** Adds `add` into `out`; a key both declare is refused (as the till's bundles are). */
function mergeInto(out: Tree, add: Tree, path: string): void {
  for (const [key, value] of Object.entries(add)) {
    const at = path ? `${path}.${key}` : key
    const here = out[key]
    if (here === undefined)
      out[key] = typeof value === 'object' && value !== null ? structuredClone(value) : value
    else if (typeof here === 'object' && typeof value === 'object' && value !== null)
      mergeInto(here as Tree, value as Tree, at)
    else throw new Error(`i18n key declared twice: ${at}`)
  }
}

function build(language: Language): Tree {
  // The till's strings (common words, field names, validation reasons, error codes) come first.
  const out = structuredClone(tillResources[language].translation) as Tree
  for (const bundle of hqBundles) mergeInto(out, bundle[language] as Tree, '')
  return out
}

/** The till's translations plus every hq-web area's (`locales/index.ts`), in zh-CN and en. */
export const hqResources = {
  en: { translation: build('en') },
  'zh-CN': { translation: build('zh-CN') }
}
