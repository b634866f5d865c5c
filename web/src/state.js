// A tiny observable state shared by linked figures (the (γ, β) map drives
// the momentum figure and follows it). Updates are merged and broadcast.
export function createState(initial) {
  let value = { ...initial };
  const listeners = new Set();
  return {
    get: () => value,
    set(patch, source) {
      value = { ...value, ...patch };
      for (const listener of listeners) listener(value, source);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
