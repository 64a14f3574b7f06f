import { useId, useState } from 'react';
import { remoteTileProblem, type BasemapSettings, type TileChoice } from './basemapSettings';
import type { UserTiles } from './userTiles';

interface Props {
  settings: BasemapSettings;
  userTiles: UserTiles | null;
  /** The desktop app cancels every request off the machine, so a tile URL cannot work there. */
  remoteAllowed: boolean;
  onChange(next: BasemapSettings): void;
  onPickFolder(files: FileList): void;
  /** Desktop app: a main-process folder dialog instead of the browser's folder upload. */
  onPickFolderDialog?: () => void;
  onPickFile(file: File): void;
  error: string | null;
}

/**
 * The basemap's settings, folded into one button on the map: streets on/off, whose tiles,
 * and the one option that reaches the network (off by default, and said so).
 */
export function BasemapControl({ settings, userTiles, remoteAllowed, onChange, onPickFolder, onPickFolderDialog, onPickFile, error }: Props) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState(settings.remoteUrl);
  const id = useId();
  const urlProblem = remoteTileProblem(url);
  const choose = (choice: TileChoice) => onChange({ ...settings, choice });

  return (
    <div className="basemap-control">
      <button type="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
        Basemap
      </button>
      {open && (
        <form id={`${id}-panel`} className="basemap-panel" aria-label="Basemap settings" onSubmit={(e) => e.preventDefault()}>
          <label>
            <input type="checkbox" checked={settings.visible} onChange={(e) => onChange({ ...settings, visible: e.target.checked })} /> Show streets
          </label>
          <fieldset disabled={!settings.visible}>
            <legend>Tiles</legend>
            <label>
              <input type="radio" name={`${id}-choice`} checked={settings.choice === 'bundled'} onChange={() => choose('bundled')} /> West Yorkshire (bundled, OpenStreetMap 2021)
            </label>
            <label>
              <input type="radio" name={`${id}-choice`} checked={settings.choice === 'user'} disabled={!userTiles} onChange={() => choose('user')} /> My own tiles
              {userTiles ? `: ${userTiles.label}` : ' (choose below)'}
            </label>
            <div className="basemap-pick">
              {onPickFolderDialog ? (
                <button type="button" onClick={onPickFolderDialog}>
                  Folder of tiles…
                </button>
              ) : (
                <label className="button-like">
                  Folder of tiles…
                  <input
                    type="file"
                    aria-label="Choose a folder of vector tiles ({z}/{x}/{y}.pbf)"
                    {...({ webkitdirectory: '' } as Record<string, string>)}
                    onChange={(e) => e.target.files && e.target.files.length > 0 && onPickFolder(e.target.files)}
                  />
                </label>
              )}
              <label className="button-like">
                MBTiles or PMTiles file…
                <input type="file" accept=".mbtiles,.pmtiles" aria-label="Choose an MBTiles or PMTiles file of vector tiles" onChange={(e) => e.target.files?.[0] && onPickFile(e.target.files[0])} />
              </label>
            </div>
            <p className="basemap-note">Your own tiles are read from this computer and must use the OpenMapTiles schema. They are used until the app is closed.</p>
            <label>
              <input type="radio" name={`${id}-choice`} checked={settings.choice === 'remote'} disabled={!remoteAllowed || remoteTileProblem(settings.remoteUrl) !== null} onChange={() => choose('remote')} /> Online tile server
            </label>
            {remoteAllowed ? (
              <div className="basemap-remote">
                <p className="basemap-warning" role="note">
                  Uses the network: every pan and zoom asks the tile server for tiles, which tells it which streets you are looking at. Crime data itself is never sent. Off unless you choose it.
                </p>
                <input type="url" aria-label="Tile URL" placeholder="tile server address ending in /{z}/{x}/{y}.pbf" value={url} onChange={(e) => setUrl(e.target.value)} />
                <button type="button" disabled={urlProblem !== null} onClick={() => onChange({ ...settings, remoteUrl: url.trim(), choice: 'remote' })}>
                  Use this server
                </button>
                {url !== '' && urlProblem && <span className="basemap-error">{urlProblem}</span>}
              </div>
            ) : (
              <p className="basemap-note">The desktop app blocks every request to the network, so an online tile server cannot be used here.</p>
            )}
          </fieldset>
          {error && (
            <p className="basemap-error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
