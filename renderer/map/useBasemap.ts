import { useCallback, useMemo, useState } from 'react';
import { assetBaseFrom, bundledSource, loadBasemapSettings, saveBasemapSettings, type BasemapSettings, type BasemapView } from './basemapSettings';
import { folderTiles, mbtilesFile, pmtilesFile, serveUserTiles, type UserTiles } from './userTiles';

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

  /** Desktop app: main shows a folder dialog and serves the folder at app://hotspot/basemap/user/. */
  const onPickFolderDialog = useCallback(() => {
    const api = window.hotspot;
    if (!api) return;
    api.pickBasemapTiles().then(
      (r) => {
        if (!r.ok) return setError(r.error);
        if (!r.value) return;
        const { name, tiles, minzoom, maxzoom } = r.value;
        // A new query per pick, so maplibre drops the previous folder's tiles.
        const pick = Date.now();
        adopt({
          label: `folder ${name}, ${tiles.toLocaleString('en-GB')} tiles, zoom ${minzoom}-${maxzoom}`,
          source: { tiles: `${assetBase}user/{z}/{x}/{y}.pbf?pick=${pick}`, maxzoom },
          tile: async () => null,
          close: () => undefined,
        });
      },
      (e: unknown) => setError(`Could not choose a tile folder: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [adopt, assetBase]);

  const onPickFile = useCallback(
    (file: File) => {
      (/\.pmtiles$/i.test(file.name) ? pmtilesFile(file) : mbtilesFile(file)).then(adopt, (e: unknown) => setError(`Could not open ${file.name}: ${e instanceof Error ? e.message : String(e)}`));
    },
    [adopt],
  );

  return {
    view,
    control: { settings, userTiles, remoteAllowed, onChange: change, onPickFolder, onPickFolderDialog: window.hotspot ? onPickFolderDialog : undefined, onPickFile, error },
  };
}
