import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

/**
 * The head office's web app (`src/hq-web`), built into `out/hq-web` and served by the head-office
 * server at `/`. It reuses the till renderer's i18n set-up, money formatting and components through
 * the `@renderer` alias — imported, never copied.
 */
export const hqWebConfig: UserConfig = {
  root: resolve(__dirname, 'src/hq-web'),
  base: '/',
  resolve: {
    alias: {
      '@shared': resolve(__dirname, 'src/shared'),
      '@renderer': resolve(__dirname, 'src/renderer/src')
    }
  },
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'out/hq-web'),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 3000
  }
}

export default hqWebConfig
