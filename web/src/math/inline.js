// Inline mathematics in the page's strings. A formula is written between
// dollar signs in plain Unicode, as a reader would type it ($γ = 2/(μ + L)$,
// $wₖ₊₁ = wₖ − γgₖ$): that Unicode is what a string shows wherever KaTeX
// cannot go (canvas labels, aria-labels, PNG and CSV exports: plain()), and
// what the page shows until KaTeX has arrived. texOf() turns it into TeX.
//
// A formula never breaks across lines, nor apart from the word or mark it
// is written against (a Korean particle, a comma, a bracket): the formula
// and those neighbours sit in one unbreakable span.
import { typesetInline } from './typeset.js';

/** The text without its formula marks, for places that show plain text. */
export const plain = (text) => String(text).replaceAll('$', '');

const shownText = new WeakMap(); // element → the plain text setRich() gave it

/**
 * What element says, as plain text: its formulas in Unicode, as the
 * strings write them (KaTeX's textContent holds each formula twice, as
 * MathML and as HTML).
 */
export function plainText(element) {
  const known = shownText.get(element);
  if (known !== undefined) return known;
  let text = '';
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.data;
      else if (child.classList?.contains('math')) text += child.dataset.unicode ?? child.textContent;
      else walk(child);
    }
  };
  walk(element);
  return text;
}

const GREEK = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', η: '\\eta', κ: '\\kappa',
  λ: '\\lambda', μ: '\\mu', π: '\\pi', σ: '\\sigma', Σ: '\\sum', '∇': '\\nabla',
};
const SYMBOLS = {
  '−': '-', '·': '\\cdot ', '×': '\\times ', '←': '\\leftarrow ', '→': '\\to ', '≤': '\\le ', '≥': '\\ge ',
  '≈': '\\approx ', '‖': '\\|', '′': "'", '½': '\\tfrac{1}{2}', '…': '\\ldots ', '∞': '\\infty ',
  '%': '\\%', '#': '\\#', '&': '\\&', '{': '\\{', '}': '\\}', '\\': '\\backslash ', '~': '\\sim ', '^': '\\hat{}', _: '\\_',
};
const SUB = { '₀': '0', '₁': '1', '₂': '2', '₃': '3', '₄': '4', '₅': '5', '₆': '6', '₇': '7', '₈': '8', '₉': '9', ᵢ: 'i', ⱼ: 'j', ₖ: 'k', '₊': '+', '₋': '-' };
const SUP = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '*': '*' };

/**
 * TeX for a formula written in Unicode: Greek letters and operators become
 * their commands, runs of sub- and superscript characters become _{…} and
 * ^{…} (a star after a symbol too: γ* is γ^{*}), w̄ becomes \bar{w}, √x
 * and √(…) become \sqrt{…}, and a word of several Latin letters is set
 * upright (diag).
 */
export function texOf(text) {
  const chars = Array.from(text.normalize('NFD'));
  let out = '';
  let i = 0;
  const atom = () => { // one symbol, for √ and the bar
    const c = chars[i];
    if (c === '(') {
      let depth = 0;
      let j = i;
      for (; j < chars.length; j++) {
        if (chars[j] === '(') depth++;
        else if (chars[j] === ')' && --depth === 0) break;
      }
      const inner = texOf(chars.slice(i + 1, j).join(''));
      i = j + 1;
      return inner;
    }
    i++;
    return GREEK[c] ?? SYMBOLS[c] ?? c;
  };
  while (i < chars.length) {
    const c = chars[i];
    if (c === '√') {
      i++;
      out += `\\sqrt{${atom()}}`;
    } else if (c in SUB) {
      let run = '';
      while (i < chars.length && chars[i] in SUB) run += SUB[chars[i++]];
      out += `_{${run}}`;
    } else if (c in SUP && (c !== '*' || i > 0)) {
      let run = '';
      while (i < chars.length && chars[i] in SUP) run += SUP[chars[i++]];
      out += `^{${run}}`;
    } else if (chars[i + 1] === '\u0304') { // combining macron: w̄
      out += `\\bar{${atom()}}`;
      i++;
    } else if (/[A-Za-z]/.test(c) && /[A-Za-z]/.test(chars[i + 1] ?? '')) {
      let word = '';
      while (i < chars.length && /[A-Za-z]/.test(chars[i])) word += chars[i++];
      out += `\\mathrm{${word}}`;
    } else {
      i++;
      const command = GREEK[c] ?? SYMBOLS[c];
      // A command followed by a letter needs a space: \gamma a, not \gammaa.
      out += command ? (/[a-z]$/i.test(command) ? `${command} ` : command) : c;
    }
  }
  return out;
}

const space = /\s/;

/**
 * Put `text` into element: its formulas as typeset spans (KaTeX, once it is
 * there), the rest as text.
 */
export function setRich(element, text) {
  text = String(text);
  shownText.set(element, plain(text));
  // Text rewritten within MOTION_MS of its last change follows a hand (a
  // caption under a dragged slider): typesetting its formulas, a millisecond
  // or more each, would cost every frame of the drag. They show their
  // Unicode, unbroken, until the hand rests, and are typeset then.
  const now = performance.now();
  const moving = now - (lastWritten.get(element) ?? -Infinity) < MOTION_MS;
  lastWritten.set(element, now);
  clearTimeout(resting.get(element));
  if (!text.includes('$')) {
    element.textContent = text;
    return;
  }
  element.replaceChildren(...richNodes(text, { typeset: !moving }));
  if (moving) {
    resting.set(element, setTimeout(() => {
      for (const formula of element.querySelectorAll('.math')) {
        if (!formula.firstElementChild) typesetInline(formula, formula.dataset.unicode, texOf(formula.dataset.unicode));
      }
    }, MOTION_MS));
  }
}

const MOTION_MS = 150;
const lastWritten = new WeakMap(); // element → when setRich last wrote it
const resting = new WeakMap(); // element → the timer that typesets it once the hand rests

/** The nodes of text with formulas: see setRich(). Without `typeset` the formulas stay Unicode. */
export function richNodes(text, { typeset = true } = {}) {
  const parts = String(text).split('$');
  if (parts.length % 2 === 0) parts.push(parts.pop() + '$'); // an odd mark is shown as written
  const nodes = [];
  let group = null; // the unbreakable span the current formula sits in
  const addText = (target, s) => { if (s) target.push(document.createTextNode(s)); };
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (k % 2 === 1) {
      const formula = document.createElement('span');
      formula.className = 'math';
      formula.dataset.unicode = part;
      if (typeset) typesetInline(formula, part, texOf(part));
      else formula.textContent = part;
      if (!group) {
        group = document.createElement('span');
        group.className = 'nobr';
        nodes.push(group);
      }
      group.append(formula);
      continue;
    }
    // Text: its first word joins the formula before it, its last word the
    // formula after it (with no space between, they are one unit).
    let start = 0;
    if (group) {
      while (start < part.length && !space.test(part[start])) start++;
      if (start) group.append(part.slice(0, start));
      if (start === part.length && k + 1 < parts.length) continue; // all of it binds both sides
      group = null;
    }
    let end = part.length;
    if (k + 1 < parts.length) while (end > start && !space.test(part[end - 1])) end--;
    addText(nodes, part.slice(start, end));
    if (end < part.length) {
      group = document.createElement('span');
      group.className = 'nobr';
      group.append(part.slice(end));
      nodes.push(group);
    }
  }
  return nodes;
}
