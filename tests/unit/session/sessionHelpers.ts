import { loadSqlJs } from '../../../cli/sqlNode';
import { Session } from '../../../shared/session/session';
import { newProject } from '../../../shared/session/projectUseCases';
import { bytesSource, wardsGeoJson } from '../import/helpers';

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const TYPES = ['Burglary', 'Robbery', 'Violence and sexual offences', 'Vehicle crime'];

/**
 * A police.uk street-crime file of `n` rows around Leeds city centre (inside the bundled wards),
 * each with its own crime id: every row is imported, none is a duplicate.
 */
export function policeUkCsv(n: number, month = '2024-01'): string {
  const lines = [HEADER];
  for (let k = 0; k < n; k++) {
    const lon = (-1.56 + (k % 97) * 0.0003).toFixed(6);
    const lat = (53.79 + (Math.floor(k / 97) % 89) * 0.0002).toFixed(6);
    lines.push(`id${month}${k},${month},West Yorkshire Police,West Yorkshire Police,${lon},${lat},On or near Test Street,E01011111,Leeds 111A,${TYPES[k % TYPES.length]},Under investigation,`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function csvSource(name: string, text: string, chunk = 16 * 1024) {
  return bytesSource(name, new TextEncoder().encode(text), chunk);
}

/** A session on a new project with the bundled West Yorkshire wards and default schemes. */
export async function wardsSession(): Promise<Session> {
  const s = new Session(loadSqlJs, 'test');
  await newProject(s, wardsGeoJson(), 'session test');
  return s;
}
