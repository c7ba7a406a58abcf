import type { ComponentType } from 'react'
import {
  Calculator,
  LayoutDashboard,
  Package,
  Scale,
  Store,
  TriangleAlert,
  Users,
  type LucideIcon
} from 'lucide-react'
import type { HqRole } from '@shared/hq-api/route'
import { DashboardScreen } from './dashboard/DashboardScreen'
import { SettlementScreen } from './settlement/SettlementScreen'
import { AnomaliesScreen } from './anomalies/AnomaliesScreen'
import { ReconciliationScreen } from './reconciliation/ReconciliationScreen'
import { StoresScreen } from './stores/StoresScreen'
import { MasterScreen } from './master/MasterScreen'
import { UsersScreen } from './users/UsersScreen'

/** One screen of the head office: its address (`#/<id>`), nav label key, icon and who sees it. */
export interface HqScreen {
  id: string
  /** i18n key of its nav label (`hq.nav.<id>`, in the area's locale file). */
  label: string
  icon: LucideIcon
  roles: readonly HqRole[]
  component: ComponentType
}

const EVERYONE = ['owner', 'manager', 'auditor'] as const

/**
 * Every screen, in nav order (the first one a role may see is where it lands). An area adds its
 * screen with one line here.
 */
export const HQ_SCREENS: HqScreen[] = [
  {
    id: 'dashboard',
    label: 'hq.nav.dashboard',
    icon: LayoutDashboard,
    roles: EVERYONE,
    component: DashboardScreen
  },
  {
    id: 'settlement',
    label: 'hq.nav.settlement',
    icon: Calculator,
    roles: EVERYONE,
    component: SettlementScreen
  },
  { id: 'stores', label: 'hq.nav.stores', icon: Store, roles: EVERYONE, component: StoresScreen },
  { id: 'master', label: 'hq.nav.master', icon: Package, roles: EVERYONE, component: MasterScreen },
  {
    id: 'anomalies',
    label: 'hq.nav.anomalies',
    icon: TriangleAlert,
    roles: EVERYONE,
    component: AnomaliesScreen
  },
  { id: 'users', label: 'hq.nav.users', icon: Users, roles: ['owner'], component: UsersScreen },
  {
    id: 'reconciliation',
    label: 'hq.nav.reconciliation',
    icon: Scale,
    roles: ['owner', 'auditor'],
    component: ReconciliationScreen
  }
]
