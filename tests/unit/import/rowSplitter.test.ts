import { describe, expect, it } from 'vitest';
import { runImport } from '../../../shared/import/runImport';
import { nextSplitFile, remoteRowSplitter, splitWorkerApi, SplitService, type SplitWorkerApi } from '../../../shared/import/rowSplitter';
import { bytesSource, fixture, projectWithWards, rows } from './helpers';
import { workerRowSplitter } from './workerSplitter';
import { readFileSync } from 'node:fs';

const SAMPLE = readFileSync(fixture('west-yorkshire-street_2018-05_sample_saf98_normalised.csv'));
const noTransfer = <T,>(v: T): T => v;

describe('splitting rows on another thread', () => {
  it('reads a file again on its own thread when the splitting worker fails part-way, keeping nothing of the first attempt', async () => {
    const api = splitWorkerApi(noTransfer);
    let calls = 0;
    // Connected at the first piece, by when `remote` below is set.
    const splitter = remoteRowSplitter(() => ({ api: remote, stop: () => undefined }), noTransfer, { minBytes: 0 });
    // A worker that answers two pieces, then goes silent and reports an error (as a crashed one does).
    const remote: SplitWorkerApi = {
      split: (file, layout, bytes, returned) => {
        if (++calls <= 2) return api.split(file, layout, bytes, returned);
        setTimeout(() => splitter.fail(new Error('worker crashed')), 5);
        return new Promise(() => undefined);
      },
      end: (file) => api.end(file),
    };
    const viaWorker = await projectWithWards(), alone = await projectWithWards();
    const a = await runImport(viaWorker, bytesSource('sample.csv', SAMPLE, 4096), { format: 'police-uk', splitter });
    const b = await runImport(alone, bytesSource('sample.csv', SAMPLE, 4096), { format: 'police-uk' });
    expect(calls).toBeGreaterThan(2);
    expect(a).toEqual(b);
    expect(a.imported).toBe(1611);
    expect(rows(viaWorker, 'SELECT * FROM crimes ORDER BY id')).toEqual(rows(alone, 'SELECT * FROM crimes ORDER BY id'));
    // Once failed, it fails at once: the next file goes straight to one thread.
    await expect(splitter.split(99, undefined, new Uint8Array(1))).rejects.toThrow('The row-splitting thread failed: worker crashed');
  });

  it('starts its worker again after being stopped between imports (as the session stops it to save)', async () => {
    const splitter = await workerRowSplitter();
    const db = await projectWithWards(), alone = await projectWithWards();
    const first = await runImport(db, bytesSource('a.csv', SAMPLE, 65536), { format: 'police-uk', splitter });
    await splitter.close();
    // The worker itself answers again (a failed one would leave the import to fall back unseen).
    const layout = { cols: { width: 12, id: 0, month: 1, lon: 4, type: 9 }, crlf: false };
    const file = nextSplitFile();
    await expect(splitter.split(file, layout, new TextEncoder().encode(',2018-05,P,P,-1.5,53.7,X,E01010915,L,Burglary,,'))).resolves.toMatchObject({ count: 1 });
    splitter.end(file);
    const again = await runImport(db, bytesSource('a.csv', SAMPLE, 65536), { format: 'police-uk', splitter });
    await splitter.close();
    expect([first.imported, again.imported, again.duplicates]).toEqual([1611, 0, 1611]);
    await runImport(alone, bytesSource('a.csv', SAMPLE, 65536), { format: 'police-uk' });
    expect(rows(db, 'SELECT * FROM crimes ORDER BY id')).toEqual(rows(alone, 'SELECT * FROM crimes ORDER BY id'));
  });

  it('numbers a file from its first piece: a file it has ended cannot be continued', () => {
    const service = new SplitService();
    const layout = { cols: { width: 12, id: 0, month: 1, lon: 4, type: 9 }, crlf: false };
    const bytes = new TextEncoder().encode(',2018-05,P,P,-1.5,53.7,On or near X,E01010915,L,Burglary,,');
    expect(service.split(1, layout, bytes).count).toBe(1);
    expect(() => service.split(2, undefined, bytes)).toThrow('came without its layout');
    service.end(1);
    expect(() => service.split(1, layout, bytes)).toThrow('file 1 was already ended');
    // A ward layer is sent once; a file placed in one the splitter has not been sent is refused.
    expect(() => service.split(3, { ...layout, handler: { wardsId: 7, keyPrefix: 'a' } }, bytes)).toThrow('came without the ward layer');
  });
});
