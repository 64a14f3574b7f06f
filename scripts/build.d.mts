export function buildRenderer(): Promise<void>;
export function buildCli(): Promise<void>;
export function buildMainProcess(): Promise<void>;
export default function buildAll(): Promise<void>;
export function buildRowSplitterWorker(outdir: string): Promise<void>;
