import { useCallback, useMemo, useState } from 'react';
import { assetBaseFrom, bundledSource, loadBasemapSettings, saveBasemapSettings, type BasemapSettings, type BasemapView } from './basemapSettings';
import { folderTiles, mbtilesFile, serveUserTiles, type UserTiles } from './userTiles';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The basemap's state for the map view: saved settings, the user's own tiles, and what to draw. */
export function useBasemap() {
  const [settings, setSettings] = useState<BasemapSettings>(() => loadBasemapSettings(storage()));
  const [userTiles, setUserTiles] = useState<UserTiles | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assetBase = useMemo(() => assetBaseFrom(document.baseURI), []);
  const remoteAllowed = !window.hotspot;

  const view: BasemapView = useMemo(() => {
    let source = bundledSource(assetBase);
    if (settings.choice === 'user' && userTiles) source = userTiles.source;
    if (settings.choice === 'remote' && remoteAllowed && settings.remoteUrl) source = { tiles: settings.remoteUrl, maxzoom: 14 };
    return { assetBase, visible: settings.visible, source };
  }, [assetBase, settings, userTiles, remoteAllowed]);

  const change = useCallback((next: BasemapSettings) => {
    setSettings(next);
    saveBasemapSettings(storage(), next);
    setError(null);
  }, []);

  const adopt = useCallback(
    (tiles: UserTiles) => {
      serveUserTiles(tiles);
      setUserTiles(tiles);
      change({ ...settings, visible: true, choice: 'user' });
    },
    [change, settings],
  );

  const onPickFolder = useCallback(
    (files: FileList) => {
      try {
        adopt(folderTiles(files));
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [adopt],
  );

  const onPickFile = useCallback(
    (file: File) => {
      mbtilesFile(file).then(adopt, (e: unknown) => setError(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`));
    },
    [adopt],
  );

  return { view, control: { settings, userTiles, remoteAllowed, onChange: change, onPickFolder, onPickFile, error } };
}
