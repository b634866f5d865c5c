// When a run has got somewhere, for the captions. Momentum ripples: its
// loss dips below a target, climbs back over it and dips again, so the
// first step below the target flatters it (at γ = 0.05, β = 0.8 on the
// bowl, momentum first dips below 10⁻⁶ of its start at step 39 but stays
// there only from step 61, while Nesterov stays from step 39).

/** The first step k from which every loss[j], j ≥ k, is ≤ goal; -1 if the last one is not. */
export function settledBelow(loss, goal) {
  let k = loss.length;
  while (k > 0 && loss[k - 1] <= goal) k--;
  return k === loss.length ? -1 : k;
}
