import { useEffect, useRef } from 'react';

declare const __APP_VERSION__: string;

/** What the app is, what it does with data (nothing leaves the machine), and the data licences. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  // The desktop preload exposes window.hotspot; without it this is browser mode.
  const browser = !('hotspot' in window);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-label="About Hotspot Planner" onClose={onClose}>
      <h2>Hotspot Planner {__APP_VERSION__}</h2>
      <p>Crime import with every row accounted for, harm scoring, evidence-based hotspot maps and ward harm tables for UK police crime analysts.</p>
      <p>
        <strong>Your data stays here.</strong> The app makes no network requests and sends no telemetry. Projects are single
        files you save where you choose{browser ? '; in browser mode this browser also keeps the open project (in its own storage for this page) so a reload brings it back, until you open the demo' : ''}.
      </p>
      {!browser && <p>Shortcuts: New Ctrl+N, Open Ctrl+O, Save Ctrl+S, Save As Ctrl+Shift+S, Import Ctrl+I, Export Ctrl+E (Cmd on a Mac).</p>}
      <h3>Bundled data</h3>
      <ul>
        <li>Ward, LSOA and local authority boundaries and lookups: Office for National Statistics, Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.</li>
        <li>Crime and stop-and-search records (demo): data.police.uk, Home Office, Open Government Licence v3.0.</li>
        <li>CCHI category weights: derived from the Cambridge Crime Harm Index (2026 update) by isthisben/cbl-realcrime; category averages, indicative only.</li>
      </ul>
      <div className="dialog-buttons">
        <button type="button" onClick={() => ref.current?.close()}>Close</button>
      </div>
    </dialog>
  );
}
