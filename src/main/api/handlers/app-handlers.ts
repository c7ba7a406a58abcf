import type { AppInfo } from '@shared/contract'
import type { Router } from '../router'

export function registerAppHandlers(router: Router, deps: { info: () => AppInfo }): void {
  router.handle('app:info', () => deps.info())
}
