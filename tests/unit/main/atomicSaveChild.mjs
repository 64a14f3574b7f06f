// Child process for atomicWrite.test.ts: saves alternating multi-MB contents to one file in a
// tight loop until it is killed. Imports the real atomicWrite through tsx's loader.
import { atomicWrite } from '../../../node/atomicWrite.ts';

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
  await atomicWrite(target, versions[i++ % 2]);
  if (i === 2) process.send?.('saved-twice');
}
