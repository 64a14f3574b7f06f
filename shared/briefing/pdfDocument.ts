// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- ambient module declarations: no import can load them
/// <reference path="./pdfkitFonts.d.ts" />
import PDFDocument from 'pdfkit';
import * as pdfkitModule from 'pdfkit';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';
import HelveticaOblique from 'pdfkit/standard-fonts/HelveticaOblique';

/**
 * One pdfkit import for the CLI and the app's worker. The package's export conditions pick
 * its Node build in Node (fonts read from its own files) and its browser build in the
 * bundled worker, where the standard fonts' metrics must be registered as data because a
 * worker has no file system. registerStdFonts only exists in the browser build.
 */
type Register = (...fonts: unknown[]) => void;
const register = (pdfkitModule as unknown as { registerStdFonts?: Register }).registerStdFonts;
let registered = false;

export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  if (register && !registered) {
    register(Helvetica, HelveticaBold, HelveticaOblique);
    registered = true;
  }
  return new PDFDocument(options);
}

/** Collects the document's bytes once it ends. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    // The document is an event emitter in both of pdfkit's builds; its types call it Node's
    // Readable, which shared/ does not compile against (no Node types here).
    const events = doc as unknown as { on(event: string, listener: (arg: never) => void): unknown };
    events.on('data', (c: Uint8Array) => chunks.push(c));
    events.on('error', reject);
    events.on('end', () => {
      const total = chunks.reduce((s, c) => s + c.length, 0);
      const out = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      resolve(out);
    });
  });
}
