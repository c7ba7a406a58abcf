/**
 * The chart of accounts a till needs. Debit-normal: assets and contra-revenue;
 * credit-normal: revenue and liabilities. Rounding and over/short can go either way.
 */
export const LEDGER_ACCOUNTS = {
  cash_drawer: 'Cash in drawer',
  card_clearing: 'Card settlements receivable',
  alipay_clearing: 'Alipay settlements receivable',
  wechat_clearing: 'WeChat Pay settlements receivable',
  sales_revenue: 'Sales (excluding tax)',
  sales_discounts: 'Discounts given',
  sales_refunds: 'Refunds (excluding tax)',
  tax_payable: 'Output tax payable',
  cash_rounding: 'Cash rounding',
  cash_over_short: 'Cash over/short',
  provider_fees: 'Payment provider fees',
  owner_cash: 'Cash paid in / taken out'
} as const

export type LedgerAccount = keyof typeof LEDGER_ACCOUNTS

export const TENDER_ACCOUNTS = {
  cash: 'cash_drawer',
  card: 'card_clearing',
  alipay: 'alipay_clearing',
  wechat: 'wechat_clearing'
} as const satisfies Record<string, LedgerAccount>

export type TenderMethod = keyof typeof TENDER_ACCOUNTS
