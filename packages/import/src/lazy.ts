/**
 * A load (a dynamic import, a library set up on first use) run once and kept for every later call; a load that fails
 * is run again by the next call, not remembered. @internal
 */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (!kept) {
      const loading = load();
      kept = loading;
      loading.catch(() => {
        if (kept === loading) kept = undefined;
      });
    }
    return kept;
  };
}
