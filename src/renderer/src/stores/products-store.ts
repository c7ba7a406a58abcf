import { create } from 'zustand'
import type { ApiError, Category, Product } from '@shared/contract'
import { call } from '../api/client'
import { toApiError } from './settings-store'

/** How many rows the Products screen shows at once; a search narrows the rest. */
export const PRODUCTS_PAGE = 200

interface ProductsState {
  query: string
  categoryId: string | null
  includeInactive: boolean
  categories: Category[]
  products: Product[]
  total: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: ApiError | null
  setQuery(query: string): void
  setCategory(categoryId: string | null): void
  setIncludeInactive(value: boolean): void
  loadCategories(): Promise<void>
  /** Runs the current search; an answer that arrives after a newer search started is dropped. */
  search(language: 'zh-CN' | 'en'): Promise<void>
}

let latest = 0

/** The Products screen's view state: the search, the filter and the rows main last sent. */
export const useProductsStore = create<ProductsState>((set, get) => ({
  query: '',
  categoryId: null,
  includeInactive: false,
  categories: [],
  products: [],
  total: 0,
  status: 'idle',
  error: null,

  setQuery: (query) => set({ query }),
  setCategory: (categoryId) => set({ categoryId }),
  setIncludeInactive: (includeInactive) => set({ includeInactive }),

  async loadCategories() {
    try {
      set({ categories: await call('catalog:list-categories', {}) })
    } catch (error) {
      set({ error: toApiError(error) })
    }
  },

  async search(language) {
    const ticket = ++latest
    const { query, categoryId, includeInactive } = get()
    set({ status: get().status === 'ready' ? 'ready' : 'loading' })
    try {
      const result = await call('catalog:search', {
        query,
        categoryId,
        includeInactive,
        language,
        limit: PRODUCTS_PAGE
      })
      if (ticket !== latest) return
      set({ products: result.products, total: result.total, status: 'ready', error: null })
    } catch (error) {
      if (ticket !== latest) return
      set({ status: 'error', error: toApiError(error) })
    }
  }
}))
