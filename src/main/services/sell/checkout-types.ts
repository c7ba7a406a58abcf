import type { z } from 'zod'
import type { checkoutResultSchema } from '@shared/contract/channels/orders'

export type CheckoutResult = z.infer<typeof checkoutResultSchema>
