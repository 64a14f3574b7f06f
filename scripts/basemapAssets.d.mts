export const BASEMAP_DIR: string;
export const BASEMAP_FONTS: string[];
export function copyBasemap(outDir: string): Promise<string>;
export function hasBasemap(dir: string): Promise<boolean>;
