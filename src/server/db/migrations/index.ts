import { migration0001Tills } from './0001-tills'
import { migration0002Events } from './0002-events'
import { migration0003MasterData } from './0003-master-data'
import { migration0004Projections } from './0004-projections'
import { migration0005HqUsers } from './0005-hq-users'
import { migration0006TillBacklog } from './0006-till-backlog'
import { migration0011AnomalyInbox } from './0011-anomaly-inbox'
import { migration0014ReportProjections } from './0014-report-projections'
import { migration0015Reconciliation } from './0015-reconciliation'
import { migration0016CollisionStatus } from './0016-collision-status'
import type { HqMigration } from './types'

/** Every head-office migration, in order. Forward-only: never edit one that has shipped. */
export const hqMigrations: readonly HqMigration[] = [
  migration0001Tills,
  migration0002Events,
  migration0003MasterData,
  migration0004Projections,
  migration0005HqUsers,
  migration0006TillBacklog,
  migration0011AnomalyInbox,
  migration0014ReportProjections,
  migration0015Reconciliation,
  migration0016CollisionStatus
]
