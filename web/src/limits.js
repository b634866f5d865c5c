// The core's limits that the page needs before the core is loaded: an
// attribute is checked, and its message shown, without waiting for the
// wasm. The core is their source (cpp/core/limits.hpp, exported as
// core.limits); tests/js/limits.test.mjs holds each of these to it.

/** The largest seed a run takes: 2^53 − 1, the largest integer exact in JavaScript (core.limits.maxSeed). */
export const maxSeed = 9007199254740991;

/** The longest function the playground takes, in characters (core.limits.maxExpressionLength). */
export const maxExpressionLength = 500;

/** The largest |w| a start may have (core.limits.maxAbsInput). */
export const maxAbsInput = 1e6;
