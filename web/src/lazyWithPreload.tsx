import { lazy, type ComponentType } from 'react';

type Module<C> = { default: C };

/**
 * React.lazy plus a preload. React.lazy suspends on its first render even when the chunk has long
 * arrived, and React 18 then holds the content back until 500 ms after the last fallback it showed
 * (FALLBACK_THROTTLE_MS) — on a cold load of a home page, shell → page → dashboard → chart, that
 * hid a page whose code and data were all there. Once the chunk is in, this renders the component
 * directly; before, it is React.lazy (Suspense shows the fallback).
 */
export function lazyWithPreload<P extends object>(load: () => Promise<Module<ComponentType<P>>>) {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<Module<ComponentType<P>>> | null = null;
  const preload = (): Promise<Module<ComponentType<P>>> => {
    // A failed download is forgotten, so the next render or preload tries again.
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (err: unknown) => {
        pending = null;
        throw err;
      },
    );
    return pending;
  };
  // (Typed as the component itself: for a generic P, TypeScript cannot see that lazy's ref-aware
  // props are P again.)
  const Lazy = lazy(preload) as unknown as ComponentType<P>;
  // The chunk's promise settles `loaded` before React's retry after the fallback runs, so a
  // suspended Lazy is never swapped for the loaded component once it has shown content.
  function Preloadable(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Component: Preloadable, preload };
}
