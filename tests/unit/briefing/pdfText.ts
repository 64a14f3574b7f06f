import { unzlibSync } from 'fflate';

/** Every stream of a PDF, inflated when it is Flate-compressed (enough to read pdfkit's output). */
export function pdfStreams(pdf: Uint8Array): Uint8Array[] {
  const text = Buffer.from(pdf).toString('latin1');
  const out: Uint8Array[] = [];
  const re = /(?<!end)stream\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('\nendstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    try {
      out.push(unzlibSync(raw));
    } catch {
      out.push(raw);
    }
    re.lastIndex = end + 10;
  }
  return out;
}

/** The text of pdfkit's TJ operators, one line per text run (hex strings, WinAnsi). */
export function pdfText(pdf: Uint8Array): string {
  const lines: string[] = [];
  for (const s of pdfStreams(pdf)) {
    const content = Buffer.from(s).toString('latin1');
    for (const tj of content.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]).join('');
      lines.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
}

export function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}
