import type { HqDatabase } from '../db/types'
import { lastProfile } from '../push/held-events'

/**
 * The time zone a till keeps its business days in now, when it is not its store's: the zone of
 * the last `settings.updated` the head office holds from the till. A till that takes its store's
 * zone from the pull recomputes every day, past ones too, in it (its `kassa report day` for a day
 * sold under UTC then equals the head office's day cut in the store's zone), so a day sold under
 * another zone is a mismatch only while the till's latest zone still differs — then its reports
 * are cut in that zone and cannot equal the head office's. (A Z-report printed back then, in the
 * old zone, differs: the anomaly inbox notes that, low, see `detectZoneDiffers`.) Null when the
 * zones agree or the till never said its zone.
 */
export async function tillZoneDiffering(
  db: HqDatabase,
  tillId: string,
  storeZone: string
): Promise<string | null> {
  const profile = await lastProfile(db, tillId)
  if (!profile) return null
  const zone = (JSON.parse(profile) as { timeZone?: unknown }).timeZone
  return typeof zone === 'string' && zone !== '' && zone !== storeZone ? zone : null
}
