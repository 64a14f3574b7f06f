/** The "how these numbers were made" box every result carries, as in the other tabs. */
export function MethodBox({ lines, label = 'Method', open = false }: { lines: string[]; label?: string; open?: boolean }) {
  if (lines.length === 0) return null;
  return (
    <details className="method-box" open={open}>
      <summary>How these numbers were made</summary>
      <ul aria-label={label} className="method">
        {lines.map((l, i) => <li key={i}>{l}</li>)}
      </ul>
    </details>
  );
}
