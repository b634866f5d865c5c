// Where to write each region's name on a map divided into regions (the
// (γ, β) map's "monotone", "ripples", "divergent"): the cell of a coarse
// grid deepest inside its region, found by a breadth-first search from
// every region's borders, the grid's frame and any cell kept clear (the
// map's star). Depth counts steps between neighbouring cells, so a name
// lands as far as the grid allows from every edge it could cross.
//
// This is geometry only: which region a cell is in comes from the caller,
// as a function of the cell's (column, row).

/**
 * columns × rows cells; regionAt(a, b) names the region of cell (a, b);
 * clear(a, b) is true for cells a name must stay away from (default none).
 * Returns, per region seen, the cell [a, b] deepest inside it (the first
 * such cell, columns outermost, when several are as deep).
 */
export function deepestCells({ columns, rows, regionAt, clear = () => false }) {
  const cells = columns * rows;
  const key = new Array(cells);
  for (let a = 0; a < columns; a++) for (let b = 0; b < rows; b++) key[a * rows + b] = regionAt(a, b);
  const depth = new Int32Array(cells).fill(-1);
  const queue = new Int32Array(cells);
  let tail = 0;
  const edge = (a, b) => {
    const c = a * rows + b, k = key[c];
    return a === 0 || b === 0 || a === columns - 1 || b === rows - 1
      || key[c - rows] !== k || key[c + rows] !== k || key[c - 1] !== k || key[c + 1] !== k
      || clear(a, b);
  };
  for (let a = 0; a < columns; a++) for (let b = 0; b < rows; b++) {
    if (edge(a, b)) {
      depth[a * rows + b] = 0;
      queue[tail++] = a * rows + b;
    }
  }
  const visit = (c, p) => {
    if (depth[p] >= 0) return;
    depth[p] = depth[c] + 1;
    queue[tail++] = p;
  };
  for (let head = 0; head < tail; head++) {
    const c = queue[head], a = Math.floor(c / rows), b = c % rows;
    if (a > 0) visit(c, c - rows);
    if (a < columns - 1) visit(c, c + rows);
    if (b > 0) visit(c, c - 1);
    if (b < rows - 1) visit(c, c + 1);
  }
  const out = new Map();
  const room = new Map();
  for (let c = 0; c < cells; c++) {
    if (depth[c] > (room.get(key[c]) ?? -1)) {
      room.set(key[c], depth[c]);
      out.set(key[c], [Math.floor(c / rows), c % rows]);
    }
  }
  return out;
}
