// Figure data as a table (for CSV export): one row per iterate k, and per
// series its coordinates and loss. Numbers are written with JavaScript's
// shortest round-trip form, so a CSV read back gives the same doubles.

/** series: [{name, trace}] with trace = core.trace(...) → {columns, rows}. */
export function traceTable(series) {
  const columns = ['k'];
  for (const { name, trace } of series) {
    for (let d = 0; d < trace.dim; d++) columns.push(`${name}_w${d + 1}`);
    columns.push(`${name}_loss`);
  }
  const length = Math.max(...series.map(({ trace }) => trace.rows));
  const rows = [];
  for (let k = 0; k < length; k++) {
    const row = [k];
    for (const { trace } of series) {
      const has = k < trace.rows;
      for (let d = 0; d < trace.dim; d++) row.push(has ? trace.w[k * trace.dim + d] : '');
      row.push(has ? trace.loss[k] : '');
    }
    rows.push(row);
  }
  return { columns, rows };
}

export function toCsv({ columns, rows }) {
  const cell = (x) => (typeof x === 'number' ? String(x) : /[",\n]/.test(String(x)) ? `"${String(x).replace(/"/g, '""')}"` : String(x));
  return [columns, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
