/** A file made by a use case, named for what it holds, for the caller to write or offer for download. */
export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export const MIME = {
  csv: 'text/csv',
  geojson: 'application/geo+json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  kml: 'application/vnd.google-earth.kml+xml',
  pdf: 'application/pdf',
  zip: 'application/zip',
} as const;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
