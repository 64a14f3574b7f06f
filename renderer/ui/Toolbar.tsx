interface Props {
  projectName: string;
  dirty: boolean;
  busy: boolean;
  onAction(action: 'new' | 'open' | 'save' | 'save-as' | 'demo' | 'export-wards'): void;
  children?: React.ReactNode;
}

/** File actions; the desktop app also has them in the native menu with shortcuts. */
export function Toolbar({ projectName, dirty, busy, onAction, children }: Props) {
  const b = (action: Parameters<Props['onAction']>[0], label: string, title?: string) => (
    <button type="button" onClick={() => onAction(action)} disabled={busy} title={title}>
      {label}
    </button>
  );
  return (
    <header className="toolbar" role="toolbar" aria-label="Project">
      <h1>Hotspot Planner</h1>
      <span className="project-name" aria-label="Project name">
        {projectName}
        {dirty ? ' •' : ''}
      </span>
      <div className="toolbar-buttons">
        {b('new', 'New', 'New project with the West Yorkshire wards (Ctrl+N)')}
        {b('open', 'Open…', 'Open a .hotspot project (Ctrl+O)')}
        {b('save', 'Save', 'Save the project (Ctrl+S)')}
        {b('save-as', 'Save as…', 'Save the project under a new name (Ctrl+Shift+S)')}
        {b('demo', 'Demo', 'Open the bundled West Yorkshire demo')}
        {children}
        {b('export-wards', 'Export ward table CSV')}
      </div>
    </header>
  );
}
