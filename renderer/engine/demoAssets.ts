// Bundled fixtures, emitted as separate files by Vite and fetched from the app's own origin.
import wardsUrl from '../../fixtures/wy_wards_2025_bgc.geojson?url';
import demoZipUrl from '../../fixtures/west-yorkshire-demo-police-uk.zip?url';
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

export { wardsUrl, demoZipUrl, sqlWasmUrl };
