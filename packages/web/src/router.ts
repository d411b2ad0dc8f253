import { useSyncExternalStore } from 'react';

/** A minimal History API router: the hub answers every client route with index.html. */
export type Route =
  | { readonly name: 'sign-in' }
  | { readonly name: 'inbox'; readonly params: URLSearchParams }
  | { readonly name: 'consultation'; readonly id: string }
  | { readonly name: 'record'; readonly params: URLSearchParams }
  | { readonly name: 'hub-consultation'; readonly id: string }
  | { readonly name: 'capacity' };

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => {
  for (const l of listeners) l();
});

function current(): string {
  return window.location.pathname + window.location.search;
}

export function useLocation(): string {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, current);
}

export function navigate(to: string, replace = false): void {
  if (to === current()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const l of listeners) l();
}

export function parseRoute(location: string): Route {
  const url = new URL(location, window.location.origin);
  if (url.pathname === '/sign-in') return { name: 'sign-in' };
  if (url.pathname === '/capacity') return { name: 'capacity' };
  if (url.pathname === '/hub-consultations/new') return { name: 'record', params: url.searchParams };
  const hub = /^\/hub-consultations\/([^/]+)$/.exec(url.pathname);
  if (hub) return { name: 'hub-consultation', id: decodeURIComponent(hub[1]!) };
  const match = /^\/consultations\/([^/]+)$/.exec(url.pathname);
  if (match) return { name: 'consultation', id: decodeURIComponent(match[1]!) };
  return { name: 'inbox', params: url.searchParams };
}
