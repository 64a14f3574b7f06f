import { useState } from 'react';
import type { RecentProject } from '../platform/platform';

type ToolbarAction = 'new' | 'open' | 'save' | 'save-as' | 'demo' | 'export-wards';

interface Props {
  projectName: string;
  dirty: boolean;
  busy: boolean;
  /** Keyboard shortcuts exist only in the desktop app (its native menu); a browser keeps Ctrl+S etc. for itself. */
  shortcuts: boolean;
  onAction(action: ToolbarAction): void;
  onRename?(name: string): void;
  /** Desktop only: recent projects by id and name (main keeps the paths). */
  recent?: RecentProject[];
  onOpenRecent?(id: string): void;
  children?: React.ReactNode;
}

/** "Save (Ctrl+S)" in the desktop app; just "Save" in a browser, where the shortcut would do something else. */
export function withShortcut(text: string, shortcut: string, shortcuts: boolean): string {
  return shortcuts ? `${text} (${shortcut})` : text;
}

/** The project's name, editable in place: Enter or leaving the field keeps it, Escape cancels. */
function ProjectName({ name, dirty, busy, onRename }: { name: string; dirty: boolean; busy: boolean; onRename?(name: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null && onRename) {
    const done = (keep: boolean) => {
      if (keep) onRename(draft);
      setDraft(null);
    };
    return (
      <input
        className="project-name-input"
        aria-label="New project name"
        value={draft}
        maxLength={120}
        autoFocus
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => done(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') done(true);
          else if (e.key === 'Escape') done(false);
        }}
      />
    );
  }
  return (
    <>
      <span className="project-name" aria-label="Project name" onDoubleClick={() => onRename && !busy && setDraft(name)}>
        {name}
        {dirty ? ' •' : ''}
      </span>
      {onRename && (
        <button type="button" className="link" disabled={busy} onClick={() => setDraft(name)} title="Rename the project (saved in the project file)">
          Rename
        </button>
      )}
    </>
  );
}

/** File actions; the desktop app also has them in the native menu with shortcuts. */
export function Toolbar({ projectName, dirty, busy, shortcuts, onAction, onRename, recent, onOpenRecent, children }: Props) {
  const b = (action: ToolbarAction, label: string, title?: string) => (
    <button type="button" onClick={() => onAction(action)} disabled={busy} title={title}>
      {label}
    </button>
  );
  return (
    <header className="toolbar" role="toolbar" aria-label="Project">
      <h1>Hotspot Planner</h1>
      <ProjectName name={projectName} dirty={dirty} busy={busy} onRename={onRename} />
      <div className="toolbar-buttons">
        {b('new', 'New', withShortcut('New project with the West Yorkshire wards', 'Ctrl+N', shortcuts))}
        {b('open', 'Open…', withShortcut('Open a .hotspot project', 'Ctrl+O', shortcuts))}
        {recent && recent.length > 0 && onOpenRecent && (
          <select
            aria-label="Open a recent project"
            value=""
            disabled={busy}
            onChange={(e) => {
              if (e.target.value) onOpenRecent(e.target.value);
            }}
          >
            <option value="">Recent…</option>
            {recent.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        )}
        {b('save', 'Save', withShortcut(shortcuts ? 'Save the project' : 'Download the project as a .hotspot file (this browser also keeps it for the next visit)', 'Ctrl+S', shortcuts))}
        {b('save-as', 'Save as…', withShortcut('Save the project under a new name', 'Ctrl+Shift+S', shortcuts))}
        {b('demo', 'Demo', 'Open the bundled West Yorkshire demo')}
        {children}
        {b('export-wards', 'Export ward table CSV')}
      </div>
    </header>
  );
}
