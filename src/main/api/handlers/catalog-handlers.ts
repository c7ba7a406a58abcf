import type { SessionRegistry } from '../../core/sessions'
import type { EventBus } from '../../core/event-bus'
import type { CatalogService } from '../../services/catalog-service'
import { actorOf } from '../actor'
import type { CallContext, Router } from '../router'

export function registerCatalogHandlers(
  router: Router,
  deps: { catalog: CatalogService; sessions: SessionRegistry; events: EventBus }
): void {
  const { catalog, sessions, events } = deps
  const actor = (ctx: CallContext) => actorOf(sessions, ctx)

  router.handle('catalog:search', (input) => catalog.search(input))
  router.handle('catalog:lookup-code', (input) => catalog.lookupCode(input.code, input.includeInactive))
  router.handle('catalog:get-product', (input) => catalog.getProduct(input.id))
  router.handle('catalog:list-categories', (input) => catalog.listCategories(input.includeInactive))
  router.handle('catalog:create-product', (input, ctx) => catalog.createProduct(input, actor(ctx)))
  router.handle('catalog:update-product', (input, ctx) => catalog.updateProduct(input, actor(ctx)))
  router.handle('catalog:deactivate-product', (input, ctx) => catalog.deactivateProduct(input.id, actor(ctx)))
  router.handle('catalog:create-category', (input, ctx) => catalog.createCategory(input, actor(ctx)))
  router.handle('catalog:update-category', (input, ctx) => catalog.updateCategory(input, actor(ctx)))
  router.handle('catalog:deactivate-category', (input, ctx) =>
    catalog.deactivateCategory(input.id, actor(ctx))
  )
  router.handle('catalog:import-preview', (input) =>
    catalog.previewImport(input.csv, input.previewRows, input.errorLimit, input.encoding)
  )
  router.handle('catalog:import-commit', (input, ctx) =>
    catalog.importCsv(
      input.csv,
      {
        mode: input.mode,
        ...(input.importId ? { importId: input.importId } : {}),
        actor: actor(ctx),
        onProgress: (done, total) => {
          if (input.importId)
            events.emit('catalog:import-progress', { importId: input.importId, done, total })
        }
      },
      input.encoding
    )
  )
  router.handle('catalog:export-csv', (input) => catalog.exportCsv(input.includeInactive))
}
