// Child process for atomicWrite.test.ts: saves alternating multi-MB contents to one file in a
// tight loop until it is killed, alternately whole (atomicWrite) and in 1 MiB chunks
// (beginAtomicWrite, as the desktop app's chunked save does). Imports the real code through tsx's loader.
import { atomicWrite, beginAtomicWrite } from '../../../node/atomicWrite.ts';

const [target, sizeArg] = process.argv.slice(2);
const size = Number(sizeArg);
const versions = [0xa1, 0xb2].map((fill) => {
  const b = new Uint8Array(size).fill(fill);
  b[0] = fill; // content is uniform per version, so a mix would show as two fills
  return b;
});
let i = 0;
process.send?.('ready');
for (;;) {
  const bytes = versions[i++ % 2];
  if (i % 4 < 2) {
    await atomicWrite(target, bytes);
  } else {
    const w = await beginAtomicWrite(target);
    for (let off = 0; off < bytes.byteLength; off += 1 << 20) await w.write(bytes.subarray(off, off + (1 << 20)));
    await w.commit();
  }
  if (i === 2) process.send?.('saved-twice');
}
