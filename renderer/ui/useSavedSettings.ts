import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../engine/engineClient';
import { guard, settingsChanged } from './appEvents';

/**
 * A tab's settings as saved in the open project (project_meta 'ui:<tab>'). `loaded` changes
 * once per project opened, with what that project holds (null: nothing saved, use defaults);
 * `save` writes them back. Panels call this with the `revision` they already get: the
 * settings are reread only when a different project is open, not after every import.
 */
export function useSavedSettings<T>(engine: EngineClient, tab: string, revision: number) {
  const [loaded, setLoaded] = useState<{ generation: number; value: T | null } | null>(null);
  const generation = useRef(-1);

  useEffect(() => {
    if (revision === 0) return undefined;
    let live = true;
    guard(
      (async () => {
        const g = await engine.projectGeneration();
        if (!live || g === generation.current) return;
        const value = (await engine.loadUiState(tab)) as T | null;
        if (!live || g !== (await engine.projectGeneration())) return;
        generation.current = g;
        setLoaded({ generation: g, value });
      })(),
      `The saved ${tab} settings could not be read`,
    );
    return () => {
      live = false;
    };
  }, [engine, tab, revision]);

  const save = useCallback(
    (value: T) => {
      guard(
        engine.saveUiState(tab, value, generation.current).then((changed) => {
          if (changed) settingsChanged();
        }),
        `The ${tab} settings could not be kept in the project`,
      );
    },
    [engine, tab],
  );

  return { loaded, save, generation };
}
