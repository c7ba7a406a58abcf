import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './vite.web.config'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    define: { __KASSA_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          // The sync push process: src/main/sync/push-process.ts starts it from beside index.js.
          'sync-push-worker': resolve(__dirname, 'src/main/sync/push-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    // A sandboxed preload cannot require() node_modules, so bundle everything into it.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' }
      }
    }
  },
  renderer: rendererConfig
})
