import type { HqDatabase } from '../db/types'
import { lastProfile } from '../push/held-events'

/**
 * The time zone a till kept a business day in, when it is not its store's: the zone of the last
 * `settings.updated` the till sent before the day ended (`dayEnd`, ISO, the end of the day in the
 * store's zone). A till keeps its business days, Z-report and settlement in its own zone (until
 * it takes its store's from the pull), so the head office's day in the store's zone cannot equal
 * the till's Z-report then. Null when the zones agree or the till never said its zone.
 */
export async function tillZoneDiffering(
  db: HqDatabase,
  tillId: string,
  dayEnd: string,
  storeZone: string
): Promise<string | null> {
  const profile = await lastProfile(db, tillId, dayEnd)
  if (!profile) return null
  const zone = (JSON.parse(profile) as { timeZone?: unknown }).timeZone
  return typeof zone === 'string' && zone !== '' && zone !== storeZone ? zone : null
}
