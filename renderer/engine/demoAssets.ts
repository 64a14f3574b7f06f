// Bundled fixtures, emitted as separate files by Vite and fetched from the app's own origin.
import wardsUrl from '../../fixtures/wy_wards_2025_bgc.geojson?url';
import crimesUrl from '../../fixtures/west-yorkshire-street_2018-05_sample_saf98_normalised.csv?url';
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

export { wardsUrl, crimesUrl, sqlWasmUrl };
export const DEMO_CRIMES_NAME = 'west-yorkshire-street_2018-05_sample_saf98_normalised.csv';
