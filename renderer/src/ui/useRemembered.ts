import { useEffect, useState } from 'react';

/**
 * State a view keeps after it closes, per key (a project's path) for this session: leaving a
 * view for the reader and coming back finds it as it was left. Each view makes its own store.
 */
export function rememberedState<T extends object>() {
  const kept = new Map<string, T>();
  return function useRemembered(key: string, initial: () => T): [T, (change: Partial<T>) => void] {
    const [state, setState] = useState<T>(() => kept.get(key) ?? initial());
    useEffect(() => {
      kept.set(key, state);
    }, [key, state]);
    return [state, (change) => setState((current) => ({ ...current, ...change }))];
  };
}
