/**
 * Small, valid Mermaid sources for the build benchmark (`npm run bench`), which puts text
 * diagrams into its synthetic case studies. Each `i` gives a different source (so the
 * benchmark measures real renders, not only cache hits) (a sequence diagram or a flowchart).
 */

/** The body of a ```mermaid fence (without the fences). Deterministic in `i`. */
export function sampleTextDiagram(i: number): string {
  const n = Math.abs(Math.trunc(i));
  if (n % 2 === 0) {
    return [
      'sequenceDiagram',
      `  Client->>API: POST /orders/${n}`,
      `  API->>Ledger: reserve stock ${n}`,
      '  Ledger-->>API: ok',
      '  API-->>Client: 201 Created',
    ].join('\n');
  }
  return [
    'flowchart LR',
    `  In[Ingest ${n}] --> Q[(Queue)]`,
    `  Q --> W{{Worker ${n}}}`,
    '  W -->|done| Out[Store]',
  ].join('\n');
}
