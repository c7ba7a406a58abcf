import type { ComponentType } from 'react'
import type { Screen } from '../stores/app-store'
import { ProfileScreen } from './accounts/ProfileScreen'
import { UsersScreen } from './accounts/UsersScreen'
import { ComingSoonScreen } from './ComingSoonScreen'
import { SettingsScreen } from './SettingsScreen'

/** Which component shows each navigation entry. A feature replaces its placeholder here. */
export const screenComponents: Record<Screen, ComponentType> = {
  sell: () => <ComingSoonScreen screen="sell" />,
  orders: () => <ComingSoonScreen screen="orders" />,
  settlement: () => <ComingSoonScreen screen="settlement" />,
  products: () => <ComingSoonScreen screen="products" />,
  settings: SettingsScreen,
  users: UsersScreen,
  profile: ProfileScreen
}
