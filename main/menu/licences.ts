/**
 * The attribution statements the data licences require the app to show (Help > Data
 * licences). Kept in step with fixtures/README.md; the OGL asks for the statement wherever the
 * information is used, and analysts copy it into briefings from here.
 */
export const DATA_LICENCES_TITLE = 'Data licences';

export const DATA_LICENCES_TEXT = [
  'Crime and stop-and-search data (data.police.uk, Home Office): contains public sector information licensed under the Open Government Licence v3.0.',
  'Boundaries and lookups: Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025.',
  'Harm weights: derived from the Cambridge Crime Harm Index (CCHI 2026 update, Creative Commons) and Home Office crime counts (Open Government Licence v3.0). Category weights are indicative averages.',
  'Your own imported data stays on this computer: Hotspot Planner makes no network requests.',
].join('\n\n');
