/**
 * Every file dropped on the window, folders walked (their files in path order). Browsers only
 * expose a dropped folder's contents through the entries API; without it, the plain file list.
 */
export async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return [...dt.files];
  const out: { path: string; file: File }[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: entry.fullPath, file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      // readEntries returns at most ~100 entries a call; an empty batch means the folder is done.
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const e of batch) await walk(e);
    }
  };
  for (const e of entries) await walk(e!);
  return out.sort((a, b) => a.path.localeCompare(b.path)).map((x) => x.file);
}

/** A folder's files (from <input webkitdirectory>), CSVs and zips only, in path order. */
export function folderFiles(list: FileList | null): File[] {
  return [...(list ?? [])]
    .filter((f) => /\.(csv|tsv|zip)$/i.test(f.name))
    .sort((a, b) => (a.webkitRelativePath || a.name).localeCompare(b.webkitRelativePath || b.name));
}
