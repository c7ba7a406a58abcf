import type { SettingsService } from '../../services/settings-service'
import { actorOf } from '../actor'
import type { Router } from '../router'
import type { SessionRegistry } from '../../core/sessions'

export function registerSettingsHandlers(
  router: Router,
  deps: { settings: SettingsService; sessions: SessionRegistry }
): void {
  const { settings, sessions } = deps
  router.handle('settings:get', () => settings.getProfile())
  router.handle('settings:update', (profile, ctx) => settings.updateProfile(profile, actorOf(sessions, ctx)))
  router.handle('receipt:get-settings', () => settings.getReceipt())
  router.handle('receipt:update-settings', (input, ctx) =>
    settings.updateReceipt(input, actorOf(sessions, ctx))
  )
  router.handle('preferences:get', () => settings.getPreferences())
  router.handle('preferences:update', (preferences) => settings.updatePreferences(preferences))
}
