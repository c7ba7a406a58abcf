import { useEffect, useState } from 'react'

/** The screen and its parameters, from the address's hash: `#/settlement?date=2026-11-25`. */
export interface HqLocation {
  screen: string
  params: URLSearchParams
}

function read(): HqLocation {
  const hash = window.location.hash.replace(/^#\/?/, '')
  const [screen = '', query = ''] = hash.split('?')
  return { screen, params: new URLSearchParams(query) }
}

/** Goes to a screen (a new history entry, so Back works). */
export function navigate(screen: string, params: Record<string, string> = {}): void {
  const query = new URLSearchParams(params).toString()
  window.location.hash = `/${screen}${query ? `?${query}` : ''}`
}

/** The current location, updated on every hash change. */
export function useLocation(): HqLocation {
  const [location, setLocation] = useState(read)
  useEffect(() => {
    const onChange = () => setLocation(read())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return location
}
