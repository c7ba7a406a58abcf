/** The calendar day after `date` (YYYY-MM-DD), counted in UTC so the machine's zone never enters. */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** What the close-the-day confirmation says, as a translation key and its params. */
export interface SettleNotice {
  key: 'settlement.settleBodyToday' | 'settlement.settleBodyPast'
  params: { date: string; next: string }
}

/**
 * What closing `date` does to what happens in it afterwards, for the owner to read before closing.
 * The rule (README "Settling a day", `createSettlementService`): a settled day's report is frozen,
 * and a money event belongs to the first business day, from its own, that is not settled when it
 * happens. So closing today (`date` = `today`, both YYYY-MM-DD on the store's calendar) before it
 * ends sends the rest of today's sales, refunds and voids to `next`, tomorrow (a day to come cannot
 * be settled, so it is always open); closing a day that is over leaves later corrections of its
 * orders on the day they are made, or the next open one.
 */
export function settleNotice(date: string, today: string): SettleNotice {
  return {
    key: date >= today ? 'settlement.settleBodyToday' : 'settlement.settleBodyPast',
    params: { date, next: nextDate(date) }
  }
}
