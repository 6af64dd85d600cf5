import { useEffect, useState } from 'react';
import { type LoadedSettings, loadSettings, watchSettings } from '@/lib/settings';

/** The current settings, kept live as any other page or tab changes them. */
export function useSettings(): LoadedSettings | undefined {
  const [loaded, setLoaded] = useState<LoadedSettings>();
  useEffect(() => {
    let alive = true;
    void loadSettings().then((value) => {
      if (alive) setLoaded(value);
    });
    const unwatch = watchSettings((value) => setLoaded(value));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return loaded;
}
