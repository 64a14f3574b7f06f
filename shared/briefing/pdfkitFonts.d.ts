// pdfkit >= 0.20 ships its standard-font metrics as modules for the browser build; the
// DefinitelyTyped types predate them.
declare module 'pdfkit/standard-fonts/*' {
  const font: { name: string };
  export default font;
}
