// Korean text (web/src/i18n/ko.js): a particle is written against the symbol
// or number before it, with no space a line could break at ("2/L을", not
// "2/L 를"), and it agrees with how that symbol is read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import ko, { particle } from '../../web/src/i18n/ko.js';

// The strings and templates of ko.js, without its comments (which are English).
const source = readFileSync(new URL('../../web/src/i18n/ko.js', import.meta.url), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .split('\n')
  .map((line) => (/^\s*\/\//.test(line) ? '' : line))
  .join('\n');
const lineOf = (index) => source.slice(0, index).split('\n').length;

// What may end a symbol or a number: letters, digits, Greek, sub- and
// superscripts, combining marks (w̄), primes, stars, closing brackets and
// quotes, and a template's ${…}.
const SYMBOL = String.raw`[A-Za-z0-9α-ωΑ-Ω\u0300-\u036f₀-₉ᵢⱼₖ⁰-⁹⁻′*)\]}"”」]`;
const PARTICLES = ['은', '는', '이', '가', '을', '를', '과', '와', '의', '로', '으로', '보다', '부터', '까지', '에', '에서', '이고', '이며', '이면', '이라', '입니다', '인', '일', '만큼', '마다', '처럼', '나', '라', '라면', '번째', '개', '배'];
const AFTER = String.raw`(?=[\s.,:;)!?'"(\x60]|$)`;

// Counters (번째, 개, 배) are written against their numbers too (3번째, 400개, 10배).
test('no particle is set apart from its symbol by a space a line could break at', () => {
  const apart = new RegExp(`${SYMBOL}[ \\t](${PARTICLES.join('|')})${AFTER}`, 'gu');
  const found = [...source.matchAll(apart)].map((m) => `line ${lineOf(m.index)}: …${source.slice(Math.max(0, m.index - 12), m.index + m[0].length + 4)}…`);
  assert.deepEqual(found, []);
});

// How a symbol is read in Korean, independently of ko.js's own table: 'v'
// ends in a vowel, 'l' in ㄹ (takes 로, but 을/이/은/과), 'c' in another
// consonant. Only what the lesson writes is listed; anything else is not checked.
const READ = {
  0: 'c', 1: 'l', 2: 'v', 3: 'c', 4: 'v', 5: 'v', 6: 'c', 7: 'l', 8: 'l', 9: 'v', // 영 일 이 삼 사 오 육 칠 팔 구
  '₀': 'c', '₁': 'l', '₂': 'v', 'ⱼ': 'v', 'ₖ': 'v', '²': 'c', '¹⁰': 'c', // …제곱
  a: 'v', B: 'v', f: 'v', g: 'v', k: 'v', L: 'l', n: 'c', p: 'v', w: 'v', S: 'v', // 에이 비 에프 지 케이 엘 엔 피 더블유 에스
  β: 'v', γ: 'v', κ: 'v', λ: 'v', μ: 'v', '*': 'v', // 베타 감마 카파 람다 뮤 스타
};
const FORMS = { 은: 'c', 는: 'v', 이: 'c', 가: 'v', 을: 'c', 를: 'v', 과: 'c', 와: 'v', 으로: 'c', 로: 'v' };

/** The reading of the symbol that ends text[0, end), or a reason it is not checked. */
function symbolBefore(text, end) {
  let i = end;
  while (i > 0 && /[\u0300-\u036f]/.test(text[i - 1])) i--; // w̄
  const ch = text[i - 1];
  if (ch === '}') return { dynamic: true };
  if (ch === ')') {
    // "경사 하강법(β = 0)으로" agrees with the word before the bracket,
    // "(1 − γa)가" with what the bracket ends with.
    let depth = 0, j = i - 1;
    for (; j >= 0; j--) {
      if (text[j] === ')') depth++;
      else if (text[j] === '(' && --depth === 0) break;
    }
    if (j > 0 && /[\uac00-\ud7a3]/.test(text[j - 1])) {
      const final = (text.codePointAt(j - 1) - 0xac00) % 28;
      return { read: final === 0 ? 'v' : final === 8 ? 'l' : 'c', symbol: text.slice(j - 1, i) };
    }
    return symbolBefore(text, i - 1);
  }
  if (/[¹⁰]/.test(ch)) return { read: 'c', symbol: text.slice(i - 3, i) };
  // A word of several lower-case letters (scene, numpy) is read as a word, not letter by letter.
  const word = /[A-Za-z]+$/.exec(text.slice(0, i))?.[0] ?? '';
  if (word.length > 1 && word !== word.toUpperCase()) return { unknown: word };
  return READ[ch] ? { read: READ[ch], symbol: ch } : { unknown: ch };
}

test('a particle after a symbol agrees with the symbol\'s reading, and after a value the text does not know, particle() picks it', () => {
  const attached = new RegExp(`${SYMBOL}(으로|[은는이가을를과와로])(?![\\uac00-\\ud7a3(])`, 'gu');
  const wrong = [];
  let checked = 0;
  for (const m of source.matchAll(attached)) {
    const form = m[1];
    const at = m.index + m[0].length - form.length;
    const before = symbolBefore(source, at);
    const where = `line ${lineOf(m.index)}: …${source.slice(Math.max(0, at - 14), at + form.length)}`;
    if (before.dynamic) wrong.push(`${where}: a fixed particle after a value; use particle()`);
    if (!before.read) continue;
    checked++;
    const agrees = form === '로' ? before.read !== 'c' : form === '으로' ? before.read === 'c' : (FORMS[form] === 'c') === (before.read !== 'v');
    if (!agrees) wrong.push(`${where}: ${before.symbol} is read ending in ${{ v: 'a vowel', l: 'ㄹ', c: 'a consonant' }[before.read]}`);
  }
  assert.deepEqual(wrong, []);
  assert.ok(checked >= 30, `only ${checked} particles checked`);
});

test('particle() reads numbers, letters, Greek, sub- and superscripts and Hangul', () => {
  const cases = [
    ['2/L', '을/를', '2/L을'], ['2/L', '으로/로', '2/L로'], ['γ', '을/를', 'γ를'], ['β', '과/와', 'β와'],
    ['w₀', '을/를', 'w₀을'], ['w₂', '이/가', 'w₂가'], ['0.98', '과/와', '0.98과'], ['0.82', '으로/로', '0.82로'],
    ['10', '으로/로', '10으로'], ['1', '으로/로', '1로'], ['0.25', '은/는', '0.25는'], ['1.5·10⁻³', '은/는', '1.5·10⁻³은'],
    ['n', '이/가', 'n이'], ['w̄', '은/는', 'w̄는'], ['½ (w₁² + 5 w₂²)', '은/는', '½ (w₁² + 5 w₂²)은'],
    ['경사 하강법', '은/는', '경사 하강법은'], ['모멘텀', '으로/로', '모멘텀으로'], ['발', '으로/로', '발로'], ['네스테로프', '은/는', '네스테로프는'],
    ['‽', '을/를', '‽을(를)'],
  ];
  for (const [word, pair, want] of cases) assert.equal(particle(word, pair), want, `${word} + ${pair}`);
});

test('after a closing bracket or quote, which allows a line break even under keep-all, a word joiner holds the particle', () => {
  const strings = [];
  const collect = (value) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(ko);
  assert.ok(strings.length > 100);
  assert.deepEqual(strings.filter((s) => /[)\]"”’」][\uac00-\ud7a3]/.test(s)), []);
  assert.ok(ko.sgd.text[1].includes('걸음(고리)\u2060이'));
  // After a formula the particle needs no joiner: the page sets a formula
  // and the word written against it in one unbreakable span (inline.test).
  assert.ok(ko.stepSizes.text[0].includes('$(1 − γa)$가'));
  // Text made by a function is joined too.
  assert.match(ko.share.keyNotUsed('betta', '…'), /"betta"\u2060을\(를\)/);
});

test('captions put the agreeing particle after the numbers they are given', () => {
  const noise = (measured) => ko.sgd.caption({ w: [1, 2], n: 32, batch: 32, draws: 200, measured, standardError: 0, law: 0, lr: 0.05 });
  assert.match(noise(2.5e-31), /측정된 2\.5·10⁻³¹은 /);
  assert.match(noise(0.25), /측정된 0\.25는 /);
  const bowl = ko.momentum.text[0]({ A: [[1, 0], [0, 5]] });
  assert.match(bowl, /w₂²\)\$은 \$w₂\$ 방향이/);
  const gd = ko.lbfgs.caption({ problem: '로젠브록', k: 50, target: 1e-6, memory: 5, lbfgs: { reach: 30, stoppedAt: null }, gd: { diverged: 12 }, momentum: { diverged: null, f: 0.5 } });
  assert.match(gd, /경사 하강법은 12번째 걸음에서 발산했습니다/);
});
