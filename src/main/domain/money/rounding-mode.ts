export type { RoundingMode } from '../../../shared/schemas/cart'
