import type { ComponentType } from 'react'
import type { Screen } from '../stores/app-store'
import { ProfileScreen } from './accounts/ProfileScreen'
import { UsersScreen } from './accounts/UsersScreen'
import { CouponsScreen } from './coupons/CouponsScreen'
import { OrdersScreen } from './orders/OrdersScreen'
import { ProductsScreen } from './products/ProductsScreen'
import { SettlementScreen } from './settlement/SettlementScreen'
import { SellScreen } from './sell/SellScreen'
import { SettingsScreen } from './SettingsScreen'

/** Which component shows each navigation entry. A feature replaces its placeholder here. */
export const screenComponents: Record<Screen, ComponentType> = {
  sell: SellScreen,
  orders: OrdersScreen,
  settlement: SettlementScreen,
  products: ProductsScreen,
  coupons: CouponsScreen,
  settings: SettingsScreen,
  users: UsersScreen,
  profile: ProfileScreen
}
