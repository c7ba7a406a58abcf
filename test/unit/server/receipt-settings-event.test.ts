import { describe, expect, it } from 'vitest'
import { project } from '../../../src/server/push/projections'

describe('the head office and the receipt settings event', () => {
  it('records a till’s settings.receipt_updated instead of quarantining it as unknown', () => {
    const outcome = project(
      {
        tillId: 't1',
        storeId: 's1',
        eventId: 'e1',
        type: 'settings.receipt_updated',
        at: '2025-03-01T02:00:00.000Z',
        payload: { address: '上海', phone: '', taxId: '', paper: '58mm' }
      },
      'Asia/Shanghai'
    )
    expect(outcome).toEqual({ status: 'recorded' })
  })
})
