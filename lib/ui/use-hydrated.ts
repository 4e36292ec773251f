"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React owns the page.
 * Buttons whose work is an onClick handler stay disabled until then: a click that
 * lands before hydration would otherwise be dropped silently (a real user on a
 * slow link sees a dead button; a browser test sees a flake).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
