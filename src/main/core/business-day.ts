/**
 * The calendar day a moment falls on at the till (local time), as YYYY-MM-DD. Coupons'
 * validity, the same-day void rule and daily settlement all use this.
 */
export function businessDate(at: Date): string {
  const y = at.getFullYear()
  const m = String(at.getMonth() + 1).padStart(2, '0')
  const d = String(at.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
