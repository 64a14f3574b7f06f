import type { ProjectDb as Database } from '../repository/db';
import { CrimeSink } from '../repository/records/crimeSink';
import type { StoredKeys } from '../repository/records/keyIndex';
import type { RecordSink } from '../repository/records/recordSink';
import { StopSearchSink } from '../repository/records/stopSearchSink';
import { WardCountSink } from '../repository/records/wardCountSink';
import type { FormatHandler } from './formatHandler';

/** The store for a handler's rows: compact crime and stop-and-search tables, or ward counts. */
export function openSink(db: Database, handler: FormatHandler, keys: StoredKeys): RecordSink {
  switch (handler.table) {
    case 'crimes':
      return new CrimeSink(db, keys);
    case 'stop_searches':
      return new StopSearchSink(db, keys);
    default:
      return new WardCountSink(db);
  }
}
