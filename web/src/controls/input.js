// Which input the reader's device has first: a phone or tablet (no hover,
// a coarse pointer) is told to tap, a computer to click and use the keys.
export const touchFirst = () =>
  typeof matchMedia === 'function' && matchMedia('(hover: none) and (pointer: coarse)').matches;
