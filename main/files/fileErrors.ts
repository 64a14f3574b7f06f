import path from 'node:path';

/** Turns a Node fs error into a sentence that tells the user what to do about it. */
export function describeFileError(e: unknown, file: string, doing: 'open' | 'save'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(file);
  const where = path.dirname(file);
  switch (code) {
    case 'ENOENT':
      return doing === 'open'
        ? `"${name}" was not found in ${where}. It may have been moved, renamed or deleted.`
        : `The folder ${where} does not exist any more. Choose another place with Save As.`;
    case 'EACCES':
    case 'EPERM':
      return doing === 'open'
        ? `You do not have permission to read "${name}". Ask the owner of ${where} for access, or copy the file somewhere you can read.`
        : `You do not have permission to write in ${where}. Choose another folder with Save As.`;
    case 'EROFS':
      return `${where} is read-only. Choose another folder with Save As.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `There is not enough disk space to save "${name}". Free some space or save to another drive; the previous version of the file is unchanged.`;
    case 'EISDIR':
      return `"${name}" is a folder, not a file.`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `"${name}" is in use by another program. Close it there and try again.`;
    case 'ENAMETOOLONG':
      return `The path of "${name}" is too long for this system. Choose a shorter name or folder.`;
    default:
      return `Could not ${doing} "${name}": ${(e as Error | undefined)?.message ?? String(e)}`;
  }
}
