/**
 * The one API the preload exposes to the renderer as `window.hotspot`. Pure types: the
 * renderer, the preload and the main process all compile against this file, so a change
 * here is a change to the boundary on both sides at once.
 *
 * Every call resolves (never rejects) with a `Result`: the main process turns failures into
 * a message a user can act on ("The file is larger than 512 MB ...") rather than throwing
 * across the IPC bridge, where the stack and the message would be mangled.
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** An input file read by the main process (pickFiles): its absolute path, its base name and its contents. */
export interface OpenedFile { path: string; name: string; bytes: Uint8Array }

/**
 * A project file main has opened for the renderer to read with readChunk: its size in bytes,
 * its absolute path and base name, and the token that names this read in readChunk/endRead.
 * The bytes cross in chunks, so a project of any size opens without one giant IPC message.
 */
export interface ProjectFileInfo { token: string; size: number; path: string; name: string }

/** A dialog filter; extensions without the dot, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
export interface FileFilter { name: string; extensions: string[] }

/** A tile folder the user picked for the basemap: its name (never its path), tile count and zoom range. */
export interface UserTilesInfo { name: string; tiles: number; minzoom: number; maxzoom: number }

/**
 * A project in the recent-files list, as the renderer sees it: an opaque id and the file's
 * name. The path stays in the main process; the renderer opens an entry by its id.
 */
export interface RecentProject { id: string; name: string }

/** What a native menu item asks the renderer to do. */
export type MenuAction = 'new' | 'open' | 'save' | 'save-as' | 'import' | 'export' | 'about';

export interface DesktopApi {
  /**
   * Shows the Open dialog (.hotspot). null when the user cancels.
   * When the OS has handed a .hotspot to the running app (double-click while it is open, a
   * second instance, Finder), main sends the 'open' menu action and the next openProject()
   * returns that file without a dialog; so the renderer's usual "unsaved changes?" check
   * before opening applies to it too. The file is open in main until endRead.
   */
  openProject(): Promise<Result<ProjectFileInfo | null>>;
  /**
   * The project the OS handed to the app at start (file association, "Open with"), read by the
   * main process, which keeps the path; null when there is none. Answers once: later calls (a
   * reload) get null. The renderer cannot name a path to open.
   */
  openInitialProject(): Promise<Result<ProjectFileInfo | null>>;
  /** The recent-files list, most recent first (kept by the main process in the user's app data). */
  recentProjects(): Promise<Result<RecentProject[]>>;
  /** Opens a recent-files entry by its id; a moved or deleted file comes back as a message. */
  openRecentProject(id: string): Promise<Result<ProjectFileInfo>>;
  /**
   * `length` bytes at `offset` of a project this window opened (openProject, openInitialProject,
   * openRecentProject). At most 64 MiB a call; offset and length must lie inside the file.
   */
  readChunk(token: string, offset: number, length: number): Promise<Result<Uint8Array>>;
  /** Closes a project file opened for reading (after the last chunk, or on giving up). */
  endRead(token: string): Promise<Result<null>>;
  /**
   * Starts saving a project of exactly `size` bytes (no upper limit): to `path`, or to a path
   * the user chooses when path is null or saveAs is true. null = cancelled. `path` is written
   * without a dialog only if this session opened or chose it (main keeps the list); any other
   * path gets the Save dialog pre-filled with it. Main creates a temp file beside the target;
   * the target is untouched until commitSave. One save at a time per window.
   */
  beginSave(req: { path: string | null; size: number; saveAs: boolean; suggestedName: string }): Promise<Result<{ token: string } | null>>;
  /**
   * Appends the next part of the project (1 byte to 64 MiB) at `offset`, which must be where the
   * previous part ended; the first part must start with the SQLite header (what sql.js
   * `db.export()` returns). Any misuse abandons the save (the target is left as it was).
   */
  writeChunk(token: string, offset: number, bytes: Uint8Array): Promise<Result<{ written: number }>>;
  /** Once all `size` bytes arrived: fsync, then rename over the target (atomic). Returns the path written. */
  commitSave(token: string): Promise<Result<{ path: string }>>;
  /** Abandons a save: the temp file is removed and the target stays as it was. */
  abortSave(token: string): Promise<Result<null>>;
  /** Open dialog for input files (CSV, GeoJSON, JSON). [] when cancelled. Extensions: csv, tsv, txt, geojson, json. */
  pickFiles(req: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<Result<OpenedFile[]>>;
  /**
   * Save dialog then atomic write of an export (CSV, GeoJSON, XLSX). null = cancelled.
   * Filter extensions must be among csv, tsv, txt, geojson, json, xlsx, png, svg, pdf, html, md.
   */
  writeExport(req: { suggestedName: string; bytes: Uint8Array; filters: FileFilter[] }): Promise<Result<{ path: string } | null>>;
  /** Subscribes to native menu actions; returns an unsubscribe function. */
  onMenuAction(listener: (action: MenuAction) => void): () => void;
  /**
   * Folder dialog for the user's own vector tiles ({z}/{x}/{y}.pbf, OpenMapTiles schema); main
   * then serves them at app://hotspot/basemap/user/{z}/{x}/{y}.pbf. null when cancelled.
   */
  pickBasemapTiles(): Promise<Result<UserTilesInfo | null>>;
}

