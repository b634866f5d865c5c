// 한국어 문자열. 용어는 강의의 번역을 따른다 (경사 하강법, 이동 크기, …).
// A particle is written against the symbol or number it follows (w를,
// 2/L을, 0.98과), as Korean is, so that no line breaks between them; it
// agrees with how the symbol is read (L 엘: 2/L을, γ 감마: γ를). After a
// value known only when the text is made, particle() picks the form.
import { coefficient, formatNumber, formatPercent } from './en.js';

const fmt = (x) => formatNumber(x);

// How a symbol's reading ends: 'v' a vowel (γ 감마, 2 이, w 더블유), 'l' the
// final ㄹ (L 엘, 1 일, 8 팔), which takes 로 like a vowel but 을/이/은/과
// like a consonant, 'c' another final consonant (0 영, 10 십, n 엔, ² 제곱).
const endings = {
  ...Object.fromEntries([...'0123456789'].map((d, i) => [d, 'clvcvvcllv'[i]])),
  ...Object.fromEntries([...'₀₁₂₃₄₅₆₇₈₉'].map((d, i) => [d, 'clvcvvcllv'[i]])),
  ...Object.fromEntries([...'abcdefghijklmnopqrstuvwxyz'].map((c, i) => [c, 'vvvvvvvvvvvlccvvvlvvvvvvvv'[i]])),
  ᵢ: 'v', ⱼ: 'v', ₖ: 'v', α: 'v', β: 'v', γ: 'v', δ: 'v', ε: 'c', η: 'v', κ: 'v', λ: 'v', μ: 'v', σ: 'v', π: 'v', Σ: 'v', '*': 'v', '′': 'c',
  ...Object.fromEntries([...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((d) => [d, 'c'])), // …제곱
};

/** How `text` ends when read aloud: 'v', 'l' or 'c' (see endings), or null when unknown. */
export function reading(text) {
  // Combining marks (w̄) and closing marks are not read.
  const chars = Array.from(text.replace(/[\u0300-\u036f]/g, '')).reverse();
  for (const ch of chars) {
    if (/[\s)\]"'”」.…$]/.test(ch)) continue; // $ closes a formula (web/src/math/inline.js)
    const code = ch.codePointAt(0);
    if (code >= 0xac00 && code <= 0xd7a3) {
      const final = (code - 0xac00) % 28;
      return final === 0 ? 'v' : final === 8 ? 'l' : 'c';
    }
    return endings[ch.toLowerCase()] ?? endings[ch] ?? null;
  }
  return null;
}

/** `word` and the form of a particle that agrees with it: particle('2/L', '을/를') → '2/L을'. */
export function particle(word, pair) {
  const [afterConsonant, afterVowel] = pair.split('/');
  const end = reading(word);
  if (end === null) return `${word}${afterConsonant}(${afterVowel})`;
  const consonant = afterConsonant === '으로' ? end === 'c' : end !== 'v';
  return `${word}${consonant ? afterConsonant : afterVowel}`;
}

// keep-all holds Korean letters together, but a closing bracket or quote
// still allows a break after it: "걸음(고리)" could end a line and its
// particle "이" start the next. A word joiner (U+2060, not drawn) between
// such a mark and the Hangul after it keeps them on one line; every string
// of the table, and every text its functions make, goes through it.
const joinParticle = (text) => text.replace(/([)\]"”’」])(?=[\uac00-\ud7a3])/g, '$1\u2060');
function joined(value) {
  if (typeof value === 'string') return joinParticle(value);
  if (typeof value === 'function') return (...args) => joined(value(...args));
  if (Array.isArray(value)) return value.map(joined);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, joined(v)]));
  return value;
}

export default joined({
  lang: 'ko',
  pageTitle: 'optlab: 경사 기반 최적화를 직접 움직여 보기',
  intro:
    'Aaron Defazio의 강의 「Optimization I」(NYU 딥러닝, 2020년 봄, 5주차 첫 번째 강의)를 직접 움직여 보며 따라가는 페이지입니다. 점이나 슬라이더를 끌면 그림이 브라우저 안에서 그때그때 다시 계산됩니다.',
  lecture: {
    label: '강의 영상:',
    sections: ['경사 하강법', '확률적 경사 하강법', '모멘텀'],
    at: (section, time) => `강의 영상: ${section}, ${time}부터`,
  },
  languageName: '한국어',
  otherLanguage: 'English',
  play: '재생',
  pause: '일시정지',
  step: '한 걸음',
  reset: '처음으로',
  share: {
    label: '공유와 내보내기',
    menu: '공유',
    copyLink: '링크 복사',
    copyEmbed: '삽입 코드 복사',
    png: 'PNG (2배)',
    csv: 'CSV',
    json: '시나리오 JSON',
    csvPending: '아직 실행을 계산하는 중이거나 코어가 계산을 멈췄습니다. 지금 CSV를 받으면 일부 실행만 담깁니다. 캡션에 결과가 나오면 받을 수 있습니다.',
    copied: '복사했습니다.',
    localOnly: '이 페이지는 파일에서 열었기 때문에 이 주소는 이 컴퓨터에서만 동작합니다. 공유하려면 빌드된 사이트(dist/)를 웹 서버에 올리세요.',
    copiedIframe: '아이프레임 코드를 복사했습니다. 아이프레임을 허용하는 페이지라면 어디서나 동작합니다.',
    copyElement: '요소 코드로 복사',
    copiedElement: '요소와 그 요소에 필요한 스크립트를 복사했습니다(스크립트는 페이지마다 한 번이면 됩니다).',
    copyBy: '이 글을 복사하세요:',
    stateError: (figure, message) => `링크에 담긴 이 그림의 설정을 쓰지 않았습니다: ${message}`,
    keyNotUsed: (key, why) => `링크에 담긴 설정 "${key}"을(를) 쓰지 않았습니다: ${why}`,
    noSuchFigure: (figure, figures) => `이 페이지에는 "${figure}" 그림이 없습니다 (그림: ${figures.join(', ')})`,
    sharedKeys: (figure, key) => `"${figure}" 그림은 다른 그림과 설정을 함께 씁니다. 다음처럼 적으세요: ${key}`,
  },
  contents: '그림 목록',
  notebookLink: '같은 그림을 주피터 노트북으로 (numpy와 PyTorch로 교차 검증)',
  notebookFile: '같은 그림을 담은 주피터 노트북 (.ipynb, numpy와 PyTorch로 교차 검증)',
  loading: '최적화 코어를 불러오는 중…',
  cannotDraw: 'optlab: 이 그림을 그릴 수 없습니다',
  coreFailed: (message) => `최적화 코어를 시작하지 못했습니다: ${message}`,

  // Under a log plot's floor (a log axis cannot show 0): where such values are drawn.
  atFloor: (v) => `${v} 이하`,
  seed: '시드',
  newSeed: '새 시드',
  seedInvalid: (max) => `시드는 0부터 ${max}까지의 정수여야 합니다`,
  settings: {
    number: ({ min, max, minOpen, integer }) => {
      const what = integer ? '정수' : '수';
      if (max === undefined) return minOpen ? `${min}보다 큰 ${what}` : `${min} 이상의 ${what}`;
      return minOpen ? `${min}보다 크고 ${max} 이하인 ${what}` : `${min}부터 ${max}까지의 ${what}`;
    },
    point: ({ x, y }) => `w1이 ${x[0]}부터 ${x[1]}까지, w2가 ${y[0]}부터 ${y[1]}까지인 "w1,w2" 두 수`,
    pair: ({ min, max }) => `각각 ${min}부터 ${max}까지인 "a1,a2" 두 수`,
    oneOf: (choices) => `${choices.join(', ')} 중 하나`,
    autoOr: (expect) => `"auto" 또는 픽셀 단위의 ${expect}`,
    text: ({ most }) => `${most}자 이하인 x와 y의 함수`,
    view: ({ most, least }) => `각각 −${most}부터 ${most}까지이고 x1 − x0과 y1 − y0이 ${least} 이상인 "x0,x1,y0,y1" 네 수`,
    runs: ({ most }) => `"gd:lr=0.01,momentum:lr=0.01:beta=0.9"처럼 쉼표로 구분한 실행 1개부터 ${most}개까지`,
    mustBe: (name, expect, got) => `${name} 값은 ${expect}여야 합니다 (받은 값: "${got}")`,
    noScene: (scenes) => `scene이 없습니다: ${scenes.join(', ')} 중 하나를 쓰세요`,
    notAFigure: (scene, scenes) => `scene "${scene}"은(는) 그림 이름이 아닙니다: ${scenes.join(', ')} 중 하나를 쓰세요`,
    notASetting: (name, scene, settings) => `${name}은(는) ${scene}의 설정이 아닙니다: ${scene}의 설정은 ${settings.join(', ')}입니다`,
    unknownControls: (names, controls) => `controls의 ${names.map((c) => `"${c}"`).join(', ')}은(는) 없는 컨트롤입니다: "all", "none" 또는 ${controls.join(', ')}의 목록을 쓰세요`,
  },

  sgd: {
    title: '확률적 경사 하강법: 노이즈가 있지만 편향되지 않은 걸음',
    text: [
      '모델의 손실은 예제들의 평균입니다: $f = (1/n) Σ fᵢ$. 확률적 경사 하강법은 예제 하나, 또는 무작위로 뽑은 작은 미니 배치 $B$의 경사를 따라 움직입니다: $w ← w − γ (1/|B|) Σ ∇fⱼ(w)$.',
      '이런 걸음 하나하나에는 노이즈가 있지만, 평균하면 정확히 전체 경사의 걸음이 됩니다. 아래의 점들은 $w$에서 출발한 $n$개의 예제별 걸음이고, 그 평균이 검은 화살표의 끝, 곧 경사 하강법의 걸음입니다. 배치가 크면 더 많은 예제를 평균하므로 걸음(고리)이 화살표 가까이 모입니다. 중복 없이 뽑은 크기 $B$의 배치의 분산은 $σ²/B · (n − B)/(n − 1)$이고, $B = n$이면 0입니다.',
      '확률적 경사 하강법은 왜 잘 동작할까요? $w$를 끌어 옮기며 점들을 보세요. 최소점에서 멀리 있으면 거의 모든 예제가 내리막 방향에 동의합니다. 거의 모든 점이 $w$보다 최소점에 가깝고, 예제 하나의 걸음도 전체 걸음만큼이나 쓸모가 있습니다. 최소점 가까이에서는 전체 경사와 함께 걸음도 0에 가까워지지만 예제마다 여전히 자기에게 맞는 쪽으로 당기므로, $w$ 바로 곁에 모인 점들이 $w$의 사방에 놓이고 그중 절반쯤은 $w$보다 최소점에서 멉니다. 거기서는 노이즈가 경사를 압도합니다. 또 예제들은 중복되어 많은 예제가 거의 같은 정보를 담고 있으므로, 작은 미니 배치로도 화살표 가까이에 내려앉습니다. 예제의 4분의 1인 $B = 8$이면 분산은 $B = 1$의 10분의 1 정도이고, 계산은 전체 경사의 4분의 1입니다.',
    ],
    batchLabel: '배치 크기',
    dragHint: '흰 점을 끌거나 옮길 자리를 누르거나, 걸음 그림을 선택한 뒤 화살표 키로 $w$를 옮겨 보세요. 두 번째 그림은 그 점에서 출발한 경사 하강법과 확률적 경사 하강법입니다.',
    names: { parts: '예제별 걸음 −γ∇fᵢ', full: '그 평균: 전체 걸음 −γ∇f', batches: '미니 배치 걸음', gd: '경사 하강법 (두 번째 그림)' },
    caption: ({ w, n, batch, draws, rings, measured, standardError, law, lr, outside }) =>
      `$w = (${formatNumber(w[0])}, ${formatNumber(w[1])})$, $γ = ${formatNumber(lr)}$에서 ${n}개의 예제별 걸음의 평균은 전체 걸음과 같습니다. ` +
      (outside ? `그중 ${outside}개는 보이는 범위 밖에 떨어지며, 가장자리의 삼각형이 범위 밖의 걸음들을 가리킵니다. ` : '') +
      (law === 0
        ? `배치가 $${batch} = n$이면 모든 배치가 전체 데이터이므로 미니 배치 경사 ${draws}개가 모두 전체 경사와 같습니다. 법칙 $σ²/B · (n − B)/(n − 1)$은 0이고, 측정된 ${particle(formatNumber(measured), '은/는')} 부동소수점 반올림 오차입니다.`
        : `배치가 ${batch}일 때 미니 배치 경사 ${draws}개(고리는 그중 ${rings}개)의 분산은 ${formatNumber(measured)} ± ${formatNumber(standardError)}이고(± 표준 오차 하나: 측정값에도 노이즈가 있습니다), 법칙 $σ²/B · (n − B)/(n − 1)$은 ${formatNumber(law)}입니다.`),
  },

  annealing: {
    title: '담금질: 더 좋은 최소점을 찾아 주는 노이즈',
    text: [
      '이 손실은 여러 항의 평균입니다. 각 항은 같은 곡선에 기울어진 직선을 하나씩 더한 것이고, 직선의 기울기는 항마다 다르지만 그 차이를 평균하면 0입니다. 그래서 확률적 경사 하강법의 경사는 여전히 편향되지 않습니다. 오른쪽에 얕은 최소점, 왼쪽에 더 깊은 최소점이 있고, 그 사이에 낮은 능선이 있습니다.',
      '얕은 최소점에서 출발한 경사 하강법은 그 자리에 머뭅니다. 모든 경사가 다시 아래를 가리키기 때문입니다. 확률적 경사 하강법의 노이즈는 반복값을 이리저리 밀어 가끔 능선을 넘기고, 깊은 골짜기 쪽에서는 능선이 훨씬 높아서 좀처럼 되돌아오지 않습니다. 배치가 크면 노이즈가 평균되어 빠져나가는 실행이 줄고, 이동 크기가 크면 더 세게 밀립니다.',
    ],
    gdLabel: '경사 하강법',
    names: { curve: 'f(w)', runs: (runs) => `확률적 경사 하강법 실행 ${runs}개가 있는 곳 (막대)` },
    peakLabel: (count) => `${count}개`,
    ridgeLabel: '능선',
    caption: ({ lr, batch, steps, runs, deep, diverged, gd, gdDeep, seed }) =>
      `$γ = ${formatNumber(lr)}$, 배치 ${batch}, 시드 ${seed}: ${steps} 걸음 뒤 확률적 경사 하강법 실행 ${runs}개 중 ${deep}개(${formatPercent(deep, runs)}%)가 더 깊은 골짜기에 있습니다${diverged ? `, ${diverged}개는 발산했습니다` : ''}. 경사 하강법은 $w = ${formatNumber(gd)}$에 있고, ${gdDeep ? '더 깊은 골짜기에 있습니다' : '여전히 얕은 골짜기에 있습니다'}.`,
    computing: ({ steps, runs, done }) => `${steps} 걸음짜리 확률적 경사 하강법 실행 ${runs}개를 계산하는 중입니다. 지금까지 ${done}개를 마쳤고, 막대는 그 실행들입니다.`,
  },

  betaEffect: {
    title: '감쇠 인자 $β$의 효과',
    text: [
      '$β$는 모멘텀이 얼마나 오래 기억하는지를 정합니다. $p$는 대략 $1/(1 − β)$개의 지난 경사를 더하므로, 한 걸음은 경사의 약 $γ/(1 − β)$배가 됩니다. $β$가 작으면 방향을 빨리 바꾸고, 크면 계속 나아가다 천천히 돕니다.',
      '잠금을 켜면 모든 실행이 $γ/(1 − β)$를 같게 유지하므로, $β$를 0.9에서 0.99로 바꾸면 $γ$가 10분의 1이 됩니다. 강의에서 권하는 규칙입니다. 잠금을 끄면 모든 $β$가 같은 $γ$를 씁니다. 그러면 큰 $β$는 실제로 최대 100배 긴 걸음을 내딛어, 지나치고 수백 걸음 동안 물결칩니다.',
    ],
    etaLabel: '이동 크기',
    lockLabel: '$γ/(1 − β)$ 고정',
    caption: ({ locked, eta, K, target, outcome }) => {
      const rule = locked ? `$γ = ${formatNumber(eta)}·(1 − β)$` : `모든 $β$에 $γ = ${formatNumber(eta)}$`;
      const parts = outcome.map((o) =>
        o.diverged !== undefined ? `$β = ${o.beta}$일 때 발산 (${o.diverged}번째 걸음)` : o.step === null ? `$β = ${o.beta}$일 때 ${K} 걸음 안에 못 미침` : `$β = ${o.beta}$일 때 ${o.step}번째 걸음부터`,
      );
      return `${rule}일 때 $f$가 처음 값의 ${formatNumber(target)} 아래에 계속 머무는 때: ${parts.join('; ')}.`;
    },
  },

  noise: {
    title: '노이즈 스무딩: 확률적 경사 하강법, 모멘텀, 평균',
    text: [
      ({ sigma, lr, diverges }) => diverges
        ? `여기서는 확률적 경사 하강법의 걸음 ${particle(`$γ = ${formatNumber(lr)}$`, '이/가')} 그릇의 가장 가파른 곡률 $L$에 비해 너무 깁니다. $γ = 2/L$을 넘으면 걸음마다 바로잡는 것보다 더 많이 지나쳐서, 노이즈가 있든 없든 반복값이 멀리 날아갑니다. 노이즈를 보려면 링크의 $γ$를 낮추세요.`
        : sigma === 0
        ? `여기서는 경사에 노이즈가 없습니다($σ = 0$). 그래서 $γ = ${formatNumber(lr)}$인 확률적 경사 하강법은 보통의 경사 하강법과 같아서, 최소점으로 가서 그대로 머뭅니다.`
        : `여기서는 모든 경사에 표준편차 ${formatNumber(sigma)}인 가우스 노이즈가 섞여 있습니다.${sigma === 1 ? ' 강의의 실험과 같은 설정입니다.' : ''} $γ = ${formatNumber(lr)}$인 확률적 경사 하강법은 최소점 쪽으로 가다가, 바닥 근처에서 계속 튑니다. 노이즈가 섞인 걸음마다 다시 밀려나기 때문입니다.`,
      ({ sigma, lr, diverges }) => diverges
        ? `슬라이더의 $β$를 쓰는 모멘텀은 더 작은 걸음 $γ = ${formatNumber(lr)}·(1 − β)$로 움직이므로, $β$가 충분히 크면 확률적 경사 하강법이 날아가는 동안에도 최소점 근처에 머뭅니다. 확률적 경사 하강법 반복값의 이동 평균 $w̄ₖ = (1/k) Σ wⱼ$도 반복값을 따라 날아갑니다.`
        : sigma === 0
        ? `슬라이더의 $β$와 $γ = ${formatNumber(lr)}·(1 − β)$인 모멘텀은 평균적으로 같은 크기로 움직입니다. 노이즈가 없으니 다듬을 것도 없습니다. 이동 평균 $w̄ₖ = (1/k) Σ wⱼ$는 최소점에서 먼 초기 걸음들까지 계속 세기 때문에, 여기서는 반복값보다 뒤처집니다.`
        : `슬라이더의 $β$와 $γ = ${formatNumber(lr)}·(1 − β)$인 모멘텀은 평균적으로 같은 크기로 움직입니다. $p$가 여러 개의 노이즈 섞인 경사를 더하므로 이어지는 걸음은 더 매끄럽지만, 반복값이 바닥을 떠도는 폭은 비슷합니다. 아래의 거리를 비교해 보세요. 확률적 경사 하강법의 반복값을 평균한 $w̄ₖ = (1/k) Σ wⱼ$는 튀는 움직임을 나중에 걷어 내어, 최소점에 훨씬 가깝게 자리 잡습니다.`,
    ],
    betaLabel: '모멘텀',
    tailLabel: (n) => `마지막 ${n} 걸음`,
    distanceAxis: '‖wₖ − w*‖ (로그)',
    names: { sgd: '확률적 경사 하강법', momentum: '모멘텀을 쓴 확률적 경사 하강법', average: '확률적 경사 하강법의 평균 $w̄$' },
    divergedCaption: ({ seed, lr, momentumLr, sgdDiverged, momentumDiverged, sgd, momentum }) => {
      const sgdPart = sgdDiverged !== null ? `$γ = ${formatNumber(lr)}$인 확률적 경사 하강법은 발산하고(${sgdDiverged}번째 걸음), 그 평균 $w̄$도 함께 발산합니다` : `$γ = ${formatNumber(lr)}$인 확률적 경사 하강법은 최소점에서 평균 ${formatNumber(sgd)}만큼 떨어져 머뭅니다`;
      const momentumPart = momentumDiverged !== null ? `$γ = ${formatNumber(momentumLr)}$인 모멘텀은 발산합니다(${momentumDiverged}번째 걸음)` : `$γ = ${formatNumber(momentumLr)}$인 모멘텀은 최소점에서 평균 ${formatNumber(momentum)}만큼 떨어져 머뭅니다`;
      return `시드 ${seed}. ${sgdPart}. ${momentumPart}.`;
    },
    caption: ({ k, tail, seed, sgd, momentum, average, sgdPath, momentumPath }) => {
      const head = `시드 ${seed}, ${k}번째 걸음. 마지막 ${tail} 걸음 동안 최소점까지의 평균 거리는 확률적 경사 하강법 ${formatNumber(sgd)}, 모멘텀 ${formatNumber(momentum)}이고, 평균 $w̄$는 ${formatNumber(average)}만큼 떨어져 있습니다.`;
      if (tail < 2) return head;
      const paths = `그 걸음들 동안 모멘텀이 지나간 길이는 ${formatNumber(momentumPath)}, 확률적 경사 하강법은 ${formatNumber(sgdPath)}입니다`;
      return momentumPath < sgdPath ? `${head} 모멘텀은 거리가 아니라 튀는 움직임을 줄입니다: ${paths}.` : `${head} 여기서는 모멘텀이 경로를 매끄럽게 하지 못합니다: ${paths}.`;
    },
  },

  lbfgs: {
    title: '전체 배치: L-BFGS',
    text: [
      '경사를 전부 계산할 수 있다면(미니 배치도, 노이즈도 없다면) 강의는 L-BFGS를 권합니다. L-BFGS는 최근 몇 걸음의 이동과 경사 변화로 곡률을 추정하고, 그 방향을 따라 $f$를 충분히 줄이는 걸음(울프 조건)을 찾습니다.',
      '로젠브록 함수의 좁고 휘어진 골짜기에서 경사 하강법은 안정을 위해 아주 작은 걸음을 써야 해서 바닥을 따라 기어갑니다. L-BFGS는 곡선을 따라가 수십 걸음 안에 기계 정밀도에 이릅니다.',
      '범례에 각 방법의 설정이 있습니다. 로젠브록 함수에서는 가파른 벽에서도 안정하도록 손으로 고른 값입니다(모멘텀의 실질 이동 크기 $γ/(1 − β) = 0.002$는 경사 하강법의 두 배입니다). 이차함수가 아니므로 가장 좋은 값을 주는 공식은 없습니다. 곡률이 $μ = 1$과 $L = 5$인 그릇에서는 일차 방법마다 이론이 주는 자신의 가장 좋은 설정을 씁니다. 경사 하강법은 $γ = 2/(μ + L)$, 모멘텀은 그림 6의 지도에 별로 표시된 가장 좋은 쌍 $(γ*, β*)$입니다. 그러면 지도의 속도가 말하는 대로 모멘텀이 경사 하강법보다 훨씬 먼저 목표에 이르고, 처음 몇 걸음에서 두 곡률을 알아내는 L-BFGS는 그보다도 빠릅니다. 이 가장 좋은 쌍은 강의의 모멘텀(무거운 공 형태)의 것이고, 네스테로프 모멘텀은 이 쌍에서 발산합니다.',
    ],
    problemLabel: '문제',
    problems: { rosenbrock: '로젠브록', bowl: '그릇 diag(1, 5)' },
    names: { lbfgs: 'L-BFGS', gd: '경사 하강법', momentum: '모멘텀' },
    legend: {
      lbfgs: (memory) => `L-BFGS (기억 ${memory})`,
      gd: ({ lr, best }) => `경사 하강법 ($γ = ${formatNumber(lr)}$${best ? ', 가장 좋은 값 $2/(μ + L)$' : ''})`,
      momentum: ({ lr, beta, best }) => `모멘텀 ($γ = ${formatNumber(lr)}$, $β = ${formatNumber(beta)}$${best ? ', 가장 좋은 쌍' : ''})`,
    },
    caption: ({ problem, k, target, memory, tuning, lbfgs, gd, momentum }) => {
      const l = lbfgs.reach !== null
        ? `기억 ${memory}인 L-BFGS는 ${lbfgs.reach}번째 걸음에서 $f < ${formatNumber(target)}$에 도달했습니다`
        : `기억 ${memory}인 L-BFGS의 $f$는 ${formatNumber(lbfgs.f)}입니다`;
      const other = (name, r) =>
        r.diverged !== null ? `${particle(name, '은/는')} ${r.diverged}번째 걸음에서 발산했습니다`
          : r.reach !== null ? `${particle(name, '은/는')} ${r.reach}번째 걸음에서 도달했습니다`
            : `${name}의 $f$는 ${formatNumber(r.f)}입니다`;
      const settings = tuning === 'best' ? ' 경사 하강법과 모멘텀은 이 그릇에서 가장 좋은 설정으로 실행합니다.' : ' 이동 크기는 안정하도록 손으로 골랐습니다.';
      const stop = lbfgs.stoppedAt !== null && lbfgs.stoppedAt <= k ? ` L-BFGS는 ${lbfgs.stoppedAt}번째 걸음에서 기계 정밀도에 이르러 멈췄습니다.` : '';
      return `${problem}, ${k}번째 걸음: ${l}. ${other('경사 하강법', gd)}. ${other('모멘텀', momentum)}.${settings}${stop}`;
    },
  },

  adaptive: {
    title: '강의 너머: 적응적 방법',
    text: [
      '이 그림은 강좌의 노트북처럼 강의 너머로 나아갑니다. RMSProp은 좌표마다 경사 제곱의 이동 평균 $v ← αv + (1 − α) g²$을 유지하고, 그 좌표의 걸음을 평균의 제곱근으로 나눕니다: $w ← w − γ g / (√v + ε)$. 이 그릇 $f = ½ (w₁² + 5 w₂²)$에서 $(1, 1)$부터 경사 하강의 한 걸음은 가파른 좌표 $w₂$를 $w₁$의 다섯 배만큼 움직이지만, RMSProp의 첫걸음은 곡률과 상관없이 경사가 0이 아닌 좌표를 모두 같은 만큼 움직입니다. 설명에 각 방법의 첫걸음을 좌표별로 적었습니다.',
      'Adam은 이 크기 조정을 더한 모멘텀입니다. $m ← β₁ m + (1 − β₁) g$는 경사의 이동 평균으로, 모멘텀의 $p$에 $1 − β₁$을 곱한 것이고, 좌표마다 $v̂$의 제곱근으로 나누며, 두 평균 모두 0에서 시작한 치우침을 보정합니다($m̂$, $v̂$). 여기서 모멘텀은 Adam과 같은 $β = 0.7$과 $γ = 0.1 · (1 − β)$를 씁니다: 크기 조정만 없는, 평균적으로 같은 걸음입니다. 나머지 설정은 강좌 노트북과 같습니다: RMSProp $γ = 0.1$, $α = 0.8$; Adam $γ = 0.1$, $β₁ = β₂ = 0.7$.',
      '크기 조정에는 대가가 있습니다. 정확한 경사에서는(노이즈를 끄면) 모멘텀이 일정한 비율로 최소점에 다가가고, 이 그릇에 가장 좋은 쌍 $(γ*, β*)$에서는 훨씬 빠르지만, 걸음을 최근 경사의 크기로 나누는 RMSProp과 Adam은 경사가 작아져도 걸음을 줄이지 않아 최소점에 다가가지 못하고 그 주위를 맴돕니다. 강좌의 노이즈($σ = 1$)가 있으면, 정확한 경사에 맞춘 모멘텀의 긴 걸음이 다른 방법보다 더 멀리 튑니다.',
    ],
    noiseLabel: (sigma) => `경사 노이즈 $σ = ${formatNumber(sigma)}$`,
    bestLabel: '그릇에 가장 좋은 모멘텀',
    names: { momentum: '모멘텀', rmsprop: 'RMSProp', adam: 'Adam' },
    legend: {
      momentum: ({ lr, beta, best }) => `모멘텀 ($γ = ${formatNumber(lr)}$, $β = ${formatNumber(beta)}$${best ? ', 가장 좋은 쌍' : ''})`,
      rmsprop: ({ lr, alpha }) => `RMSProp ($γ = ${formatNumber(lr)}$, $α = ${formatNumber(alpha)}$)`,
      adam: ({ lr, beta1, beta2 }) => `Adam ($γ = ${formatNumber(lr)}$, $β₁ = ${formatNumber(beta1)}$, $β₂ = ${formatNumber(beta2)}$)`,
    },
    caption: ({ k, noisy, seed, tail, outcome }) => {
      const names = { momentum: '모멘텀', rmsprop: 'RMSProp', adam: 'Adam' };
      const kinds = Object.keys(names);
      const ratios = kinds.filter((kind) => outcome[kind].ratio != null);
      const first = ratios.length ? `노이즈 없는 첫걸음의 $|Δw₂| / |Δw₁|$: ${ratios.map((kind) => `${names[kind]} ${formatNumber(outcome[kind].ratio)}`).join(', ')}. ` : '';
      const where = (kind) => (outcome[kind].diverged !== undefined ? `${names[kind]} 발산(${outcome[kind].diverged}번째 걸음)` : `${names[kind]} ${formatNumber(outcome[kind].distance)}`);
      const head = noisy && tail > 1
        ? `시드 ${seed}, ${k}번째 걸음: 마지막 ${tail}걸음 동안 최소점까지의 평균 거리는 ${kinds.map(where).join('; ')}.`
        : `${noisy ? `시드 ${seed}, ` : ''}${k}번째 걸음, 최소점까지의 거리: ${kinds.map(where).join('; ')}.`;
      const live = kinds.filter((kind) => outcome[kind].diverged === undefined);
      if (live.length < 2) return `${first}${head}`;
      const closest = live.reduce((a, b) => (outcome[a].distance <= outcome[b].distance ? a : b));
      const others = live.filter((kind) => kind !== closest).map((kind) => outcome[kind].distance);
      const far = Math.min(...others) / outcome[closest].distance;
      // The names as the prose reads them (RMSProp: 알엠에스프롭), each with its subject particle.
      const subject = { momentum: '모멘텀이', rmsprop: 'RMSProp이', adam: 'Adam이' }[closest];
      if (outcome[closest].distance === 0) return `${first}${head} ${others.every((d) => d === 0) ? '모두 최소점에 있습니다.' : `${subject} 최소점에 있습니다.`}`;
      const farthest = live.reduce((a, b) => (outcome[a].distance >= outcome[b].distance ? a : b));
      const spread = outcome[farthest].distance / outcome[closest].distance;
      const verdict = spread < 1.2 ? ' 셋 다 거의 같은 거리에 머뭅니다(20% 이내).'
        : far >= 100 ? ` ${subject} 가장 가깝고, 나머지보다 ${formatNumber(10 ** Math.min(6, Math.floor(Math.log10(far))))}배 넘게 가깝습니다.`
        : spread >= 2 ? ` ${subject} 가장 가깝고, ${names[farthest]}의 거리는 그 ${formatNumber(Number(spread.toPrecision(2)))}배입니다.`
        : ` ${subject} 가장 가깝습니다.`;
      return `${first}${head}${verdict}`;
    },
  },

  playground: {
    title: '강의 너머: 아무 함수나 넣어 보는 놀이터',
    text: [
      '$x$와 $y$(또는 $w₁$과 $w₂$)의 함수를 입력하고, 이동 크기와 매개 변수를 저마다 정한 최적화 방법을 여섯 개까지 골라 한 출발점에서 경주시켜 보세요. 최적화 코어가 함수를 읽고, 유한 차분이 아닌 자동 미분으로 정확히 미분하고, 모든 방법을 실행합니다: 다른 그림들과 명령줄이 쓰는 바로 그 코어이고, 결과도 같습니다.',
      '먼저 미리 준비된 함수를 골라 보세요. 로젠브록의 골짜기에서 경사 하강법은 기어가고 모멘텀은 달립니다. 라스트리긴의 달걀판에서는 어느 방법이든 가장 가까운 웅덩이에 멈춥니다. 안장 $x² − y²$에서 $x$축 위에서 출발한 경사 하강법은 안장점으로 걸어가 그대로 머물다가, 작은 경사 노이즈가 밀어 줘야 벗어납니다.',
    ],
    after: [
      '쓸 수 있는 것: 수, + − * / ^, 괄호, sin, cos, tan, exp, log, sqrt, abs, tanh, 두 수의 min과 max, pi와 e. ^는 부호보다 먼저 계산합니다: -x^2는 $−(x²)$입니다. 함수가 정의되지 않는 곳(0 이하인 수의 log, 0으로 나누기)은 지도에 음영으로 표시되고, 그곳에 닿은 실행은 멈추며 이유를 알려 줍니다.',
    ],
    presetLabel: '함수',
    custom: '직접 입력',
    presets: {
      bowl: '강의의 그릇',
      rosenbrock: '로젠브록의 골짜기',
      beale: '빌',
      himmelblau: '히멜블라우',
      rastrigin: '라스트리긴',
      camel: '혹 여섯 개 낙타',
      'goldstein-price': '골드스타인–프라이스',
      saddle: '안장, x² − y²',
    },
    fLabel: 'f(x, y) =',
    addRun: '실행 추가',
    runLabel: (n) => `실행 ${n}: 최적화 방법`,
    removeRun: (n) => `실행 ${n} 지우기`,
    noiseLabel: '경사 노이즈',
    stepsLabel: '걸음 수',
    stepsValue: (n) => `${n}걸음`,
    zoomIn: '확대',
    zoomOut: '축소',
    fit: '보기 맞추기',
    lossAxis: 'f(wₖ) − 본 것 중 가장 낮은 f (로그)',
    lossAxisKnown: 'f(wₖ) − f의 최솟값 (로그)',
    hint: '흰 점을 끌거나 옮길 자리를 눌러 출발점을 옮기세요. 마우스 휠은 포인터를 중심으로 지도를 확대·축소하고, 지도를 선택한 뒤에는 +와 − 키로도 됩니다.',
    touchHint: '흰 점을 끌거나 옮길 자리를 눌러 출발점을 옮기세요. 버튼으로 지도를 확대·축소합니다.',
    names: {
      gd: '경사 하강법', sgd: '확률적 경사 하강법', momentum: '모멘텀', heavy_ball: '헤비 볼', nesterov: '네스테로프',
      lbfgs: 'L-BFGS', adagrad: 'Adagrad', rmsprop: 'RMSProp', adam: 'Adam',
    },
    // Parameters without a symbol of their own (the others are γ, β, α, β₁, β₂, ε).
    paramNames: { memory: '메모리' },
    outOfRange: (name, { min, max, minOpen, maxOpen, integer }) => {
      const what = integer ? '정수' : '수';
      return `${name} 값은 ${minOpen ? '(' : '['}${min}, ${max}${maxOpen ? ')' : ']'} 범위의 ${what}여야 합니다`;
    },
    notAnOptimizer: (kind, names) => `${particle(`"${kind}"`, '은/는')} 최적화 방법이 아닙니다: ${names.join(', ')} 중 하나를 쓰세요`,
    notAParameter: (key, kind, keys) => `${kind}에는 "${key}" 매개 변수가 없습니다${keys.length ? `: 매개 변수는 ${keys.join(', ')}입니다` : ''}`,
    runNotUsed: (n, why) => `링크의 ${particle(`실행 ${n}`, '은/는')} 쓰지 않았습니다: ${why}.`,
    needsNoise: '순수한 확률적 경사 하강법에는 노이즈가 있는 경사가 필요합니다: 경사 노이즈를 0보다 크게 하세요',
    startUndefined: '출발점에서 f나 그 경사가 정의되지 않습니다: 출발점을 음영 밖으로 옮기세요',
    startOverflows: '출발점에서 f나 그 경사가 너무 커집니다: 출발점을 가운데 쪽으로 옮기세요',
    notYet: '위의 함수가 아직 완성되지 않았습니다: 완성될 때까지 아무것도 그리지 않습니다.',
    exprError: (e) => {
      const at = e.column > 0 ? `${e.column}번째 글자` : '';
      const where = at ? `${at}의 ` : '';
      const found = e.found === '' ? '함수의 끝' : `“${e.found}”`;
      const expected = {
        operand: '수, 변수, 함수 또는 “(”', operator: '연산자 또는 함수의 끝',
        operator_or_close: '연산자 또는 “)”', operator_comma_or_close: '연산자, “,” 또는 “)”',
      }[e.expected];
      const mean = e.suggestion ? ` ${particle(`“${e.suggestion}”`, '을/를')} 쓰려던 것인가요?` : '';
      const name = (word) => particle(`“${word}”`, '은/는');
      switch (e.code) {
        case 'empty': return 'x와 y의 함수를 입력하세요. 예: x^2 + 5*y^2';
        case 'too_long': return `함수가 ${e.limit}자보다 깁니다.`;
        case 'too_deep': return `${where}함수가 ${e.limit}단계보다 깊이 중첩되었습니다.`;
        case 'too_many_nodes': return `함수의 연산이 ${e.limit}개보다 많습니다.`;
        case 'bad_text': return `${at ? `${at}에 ` : ''}올바르지 않은 문자가 있습니다.`;
        case 'bad_character': return `${where}${name(e.found)} 쓸 수 없는 문자입니다.`;
        case 'bad_number': return `${where}${particle(`수 ${found}`, '이/가')} 너무 큽니다.`;
        case 'unknown_function': return `${where}${name(e.found)} 모르는 함수입니다.${mean}`;
        case 'unknown_name': return `${where}${name(e.found)} 모르는 이름입니다.${mean || ' 변수는 x와 y(또는 w1과 w2)입니다.'}`;
        case 'needs_arguments': return `${where}${name(e.found)} 함수입니다: ${e.found}(…)처럼 쓰세요.`;
        case 'not_a_function': return `${where}${name(e.found)} 함수가 아닙니다: *가 빠졌나요?`;
        case 'arity': return `${where}${name(e.found)} 인수를 ${e.limit}개 받습니다(${e.count}개가 아니라).`;
        default: return `${where}${particle(found, '은/는')} 올 수 없습니다: ${particle(expected, '이/가')} 와야 합니다${e.times ? '(곱하려면 *를 쓰세요)' : ''}.`;
      }
    },
    undefinedWhat: playgroundUndefined,
    caption: ({ k, outcomes, noise, seed }) => {
      const head = `${noise > 0 ? `경사 노이즈 $σ = ${formatNumber(noise)}$, 시드 ${seed}. ` : ''}${k}걸음:`;
      const live = outcomes.filter((o) => o.loss !== undefined && o.diverged === undefined && o.undefined === undefined);
      const lowest = live.length > 1 ? live.reduce((a, b) => (a.loss <= b.loss ? a : b)) : null;
      const parts = outcomes.map((o, i) => {
        const who = `${i + 1}. ${o.name}`;
        if (o.pending) return `${who}: 계산하는 중`;
        if (o.loss === undefined) return `${who}: 실행할 수 없습니다(${o.error})`;
        if (o.diverged !== undefined) return `${who}: ${o.diverged}걸음에서 발산합니다`;
        if (o.undefined) return `${who}: ${o.undefined.step}걸음 뒤에 멈춥니다. 다음 점에서 ${playgroundUndefined(o.undefined.what)}이(가) 필요합니다(${o.undefined.column}번째 글자)`;
        if (o.stopped) return `${who}: ${o.stopped.step}걸음 뒤에 멈춥니다(${o.stopped.reason === 'gradient_zero' ? '경사가 0입니다' : '직선 탐색이 더 나은 점을 찾지 못했습니다'}), $f = ${formatNumber(o.loss)}$`;
        return `${who}: $f = ${formatNumber(o.loss)}$${o === lowest ? ', 가장 낮음' : ''}`;
      });
      return `${head} ${parts.join('; ')}.`;
    },
  },

  momentum: {
    title: '그릇 모양 함수에서의 모멘텀',
    text: [
      ({ A }) => {
        const [a1, a2] = [A[0][0], A[1][1]];
        const bowl = `그릇 $f(w) = ½ (${coefficient(a1)}w₁² + ${coefficient(a2)}w₂²)$`;
        if (a1 === a2) return `${particle(bowl, '은/는')} 모든 방향으로 똑같이 가파릅니다. 하나의 이동 크기가 모든 방향에 맞으므로 모멘텀이 더할 것이 별로 없습니다.`;
        const [steep, shallow] = a1 > a2 ? ['$w₁$', '$w₂$'] : ['$w₂$', '$w₁$'];
        return `${particle(bowl, '은/는')} ${steep} 방향이 ${shallow} 방향보다 ${formatNumber(Math.max(a1, a2) / Math.min(a1, a2))}배 가파릅니다. 경사 하강법은 가파른 방향에 맞춰 $γ$를 작게 잡아야 하므로 완만한 방향으로는 기어가듯 움직입니다.`;
      },
      '모멘텀은 경사를 누적한 $p ← βp + g$를 따라 움직입니다: $w ← w − γp$. 골짜기를 따르는 방향의 경사는 같은 쪽을 가리켜 쌓이고, 가로지르는 방향의 경사는 번갈아 바뀌어 상쇄됩니다. $wₖ₊₁ = wₖ − γgₖ + β(wₖ − wₖ₋₁)$로 쓰는 무거운 공(heavy-ball) 형태도 같은 방법입니다. 상자를 선택하면 모멘텀 경로 위에 겹쳐 그려집니다. 네스테로프 모멘텀은 $g + βp$ 방향으로 움직여, 앞을 내다보며 지나침을 줄입니다.',
      '감쇠 인자 $β$는 보통 0.9나 0.99가 잘 동작합니다. $β$를 키우면 $γ$를 줄여야 합니다. 0.9에서 0.99로 바꾸면 $γ$를 10으로 나누세요.',
    ],
    lrLabel: '이동 크기 γ',
    betaLabel: '모멘텀 β',
    heavyBallToggle: '무거운 공 형태를 모멘텀 위에 겹쳐 그리기',
    gdBestToggle: '경사 하강법을 자신에게 가장 좋은 $γ = 2/(μ + L)$로 실행',
    dragHint: '흰 점을 끌거나 옮길 자리를 누르거나, 그림을 선택한 뒤 화살표 키로 시작점 $w₀$을 옮겨 보세요.',
    stepAxis: '걸음 k',
    names: { gd: '경사 하강법', momentum: '모멘텀', nesterov: '네스테로프 모멘텀', heavy_ball: '무거운 공 형태' },
    caption: ({ lr, beta, K, target, gdLr = null, gd, momentum, nesterov }) => {
      const say = (r) =>
        r.diverged !== undefined ? `발산 (${r.diverged}번째 걸음에서 멈춤)`
          : r.growing !== undefined ? `발산 (수렴률 $${formatNumber(r.growing)} > 1$${r.above === null ? '' : `, ${r.above}번째 걸음부터 $f$가 처음 값보다 큼`})`
            : r.never ? `${K} 걸음 안에 도달하지 못함` : `${r.step}번째 걸음`;
      const gdName = gdLr === null ? '경사 하강법' : `자신의 $γ = ${formatNumber(gdLr)}$인 경사 하강법`;
      return `$γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$. $f$가 처음 값의 ${formatNumber(target)} 아래에 계속 머물기 시작하는 걸음: 모멘텀 ${say(momentum)}, 네스테로프 모멘텀 ${say(nesterov)}, ${gdName} ${say(gd)}.`;
    },
  },

  rateMap: {
    title: '모멘텀이 수렴하는 곳: $(γ, β)$ 지도',
    text: [
      '이차함수에서 모멘텀은 매 걸음 오차에 일정한 비율을 곱해 줄입니다. 이 비율을 수렴률이라 하며, 작을수록 빨리 수렴합니다. 곡률이 $λ$인 고유벡터 방향의 수렴률은 $2×2$ 행렬 $[[1 + β − γλ, −β], [1, 0]]$의 스펙트럼 반지름입니다. 지도는 모든 $(γ, β)$에 대해 그릇의 두 곡률 중 더 나쁜 쪽의 수렴률을 색으로 보여 줍니다.',
      '흰 선이 영역을 나눕니다. 실선의 오른쪽에서는 수렴률이 1 이상이라 발산합니다. 점선(곡률마다 하나) 위쪽에서는 근이 복소수라서 최소점 주위를 물결치듯 돌고, 아래쪽에서는 지나치지 않고 다가갑니다. 별은 가장 좋은 쌍 $γ* = 4/(√L + √μ)²$, $β* = ((√L − √μ)/(√L + √μ))²$입니다. 점으로 찍힌 선은 네스테로프 모멘텀의 경계입니다. 네스테로프 자신의 반복은 $γL = 2(1 + β)/(1 + 2β)$에서 수렴률이 1이 되므로, 모멘텀보다 작은 이동 크기에서 이 선의 오른쪽부터 발산합니다.',
      '별은 이차함수에서 모멘텀이 주는 가속을 보여 줍니다. 조건수를 $κ = L/μ$라 하면, 가장 좋은 경사 하강법($β = 0$, $γ = 2/(μ + L)$)은 매 걸음 오차를 $(κ − 1)/(κ + 1)$배로, 가장 좋은 모멘텀은 $(√κ − 1)/(√κ + 1)$배로 줄입니다. $κ = 100$이면 0.98과 0.82로, 여섯 자리를 얻는 데 약 690 걸음과 70 걸음이 듭니다. 강의는 두 가지 단서를 붙입니다: 보통의 모멘텀이 이렇게 가속되는 것은 이차함수에서뿐이고(네스테로프 모멘텀은 상수를 잘 고르면 매끄러운 볼록 함수 전반에서), SGD의 노이즈 아래에서는 이 이득이 대부분 사라집니다. 그때 모멘텀은 노이즈 스무딩으로 돕습니다.',
    ],
    lrAxis: '이동 크기 γ (로그)',
    betaAxis: '모멘텀 β',
    goToBest: '가장 좋은 $(γ*, β*)$로 가기',
    goToBestGd: '가장 좋은 경사 하강법($β = 0$)으로 가기',
    dragHint: (linked) => `점을 끌거나 옮길 자리를 누르거나, 지도를 선택한 뒤 화살표 키를 쓰세요.${linked ? ` 위의 「${linked}」 그림이 함께 움직입니다.` : ''}`,
    pointHint: '마우스를 지도 위에 올리면 그 자리의 수렴률을 읽을 수 있습니다.',
    pointerAt: ({ lr, beta, rate, region }) => `포인터 위치: $γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$, 수렴률 ${formatNumber(rate)} (${region}).`,
    rateKey: '걸음당 수렴률:',
    divergesKey: '1 이상: 발산',
    colorKey: '색: 노란색은 적은 걸음으로, 보라색은 많은 걸음으로 수렴합니다. 회색은 발산합니다.',
    regions: { monotone: '단조 수렴', ripples: '물결', divergent: '발산' },
    caption: ({ lr, beta, rate, stepsToTarget, target, best, bestGd, nesterovAtBest }) => {
      const here =
        rate >= 1
          ? `$γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$에서 수렴률은 $${formatNumber(rate)} ≥ 1$이라 발산합니다.`
          : `$γ = ${formatNumber(lr)}$, $β = ${beta.toFixed(2)}$에서 오차는 매 걸음 ${formatNumber(rate)}배로 줄어, 처음의 ${formatNumber(target)}에 이르기까지 약 ${stepsToTarget} 걸음이 걸립니다(오차의 제곱을 따르는 $f$는 그 절반쯤에 이릅니다).`;
      return `${here} 가장 좋은 쌍 $γ* = ${formatNumber(best.lr)}$, $β* = ${formatNumber(best.beta)}$의 수렴률은 ${formatNumber(best.rate)}이고, 가장 좋은 경사 하강법($β = 0$, $γ = 2/(μ + L) = ${formatNumber(bestGd.lr)}$)은 ${formatNumber(bestGd.rate)}에 그칩니다.${nesterovAtBest > 1 ? ` 그곳에서 네스테로프 모멘텀은 발산합니다(수렴률 ${formatNumber(nesterovAtBest)}): 별이 네스테로프의 경계(점으로 찍힌 선)보다 오른쪽에 있습니다.` : ''}`;
    },
  },

  stepSizes: {
    title: '1차원 이차함수에서의 이동 크기',
    text: [
      '경사 하강법은 기울기의 반대 방향으로 움직입니다: $w ← w − γ f′(w)$. 포물선 $f(w) = a/2 · w²$에서 기울기는 $a·w$이므로, 한 걸음마다 최소점까지의 거리에 $(1 − γa)$가 곱해집니다. 모든 것은 $γa$에 달려 있습니다.',
      '이동 크기가 $1/a$보다 작으면 이 배율이 0과 1 사이라서 꾸준하지만 느리게 다가갑니다. 정확히 $1/a$이면 첫 걸음에 최소점에 도착합니다. $1/a$와 $2/a$ 사이에서는 배율이 음수라서 매번 최소점을 건너뛰지만, 건너뛸 때마다 더 가까이 내려앉습니다. $2/a$를 넘으면 건너뛸 때마다 더 멀리 떨어지고, 결국 발산합니다.',
      '실제로는 $a$를 모르기 때문에 이동 크기를 로그 단위(0.001, 0.01, 0.1, …)로 시도해 보고 가장 좋은 값을 고릅니다. 아래의 훑어보기 그림이 그 이유를 보여 줍니다. 포물선(실선)에서 몇 걸음 뒤의 손실은 $γ$가 커질수록 꾸준히 줄다가 정확히 $1/a$에서 0이 되고, 그 너머에서 다시 커지며 $2/a$를 지나면 급격히 커집니다. 이 골은 $γ$에 대해 대칭입니다. $γ = 1.2/a$일 때와 $0.8/a$일 때 남는 배율은 $|1 − γa| = 0.2$로 같으므로, 곡률이 하나뿐이라면 더 큰 이동 크기를 고를 까닭이 없습니다.',
      '최적보다 약간 크게, 발산하기 직전까지 잡으라는 강의의 조언은 곡률이 $μ$부터 $L$까지 여러 가지인 문제에서 나옵니다. 점선은 같은 가파른 방향에 곡률이 $a/4$인 완만한 방향을 더한 것입니다. 이제 $1/a$로는 가파른 방향만 한 걸음에 풀리고 완만한 방향에는 너무 짧아서, 가장 낮은 점이 $1/a$ 위로, 하나로 고른 가장 좋은 이동 크기 $2/(μ + L) = 1.6/a$ 쪽으로 옮겨 갑니다. 한계 $2/L = 2/a$는 여전히 가장 가파른 곡률이 정합니다. $L$이 $μ$보다 클수록 가장 좋은 이동 크기는 발산에 더 가까워집니다.',
    ],
    panelsLabel: '네 가지 경우, 각각 여덟 걸음',
    gammaLabel: '이동 크기 γ',
    gammaOverA: (r) => `γ = ${fmt(r)}/a`,
    parabolaAxisW: 'w',
    parabolaAxisF: 'f(w)',
    lossAxisK: '걸음 k',
    lossAxisF: 'f(wₖ)',
    sweepAxisGamma: '이동 크기 γ (로그)',
    sweepAxisLoss: (k) => `${k} 걸음 뒤의 f (로그)`,
    sweepHint: '점을 끌거나 옮길 자리를 누르거나, 슬라이더를 움직여 보세요.',
    sweepOne: '포물선, 곡률 a',
    sweepBowl: (c) => `곡률이 a와 ${fmt(c)}a인 그릇`,
    sweepLowest: (r) => `가장 낮은 점: ${fmt(r)}/a`,
    sweepLabel: ({ steps, c, lowest }) =>
      `γ에 따른 ${steps} 걸음 뒤의 f: 포물선에서는 정확히 1/a에서 손실이 가장 낮은 0이고 양쪽으로 커집니다. 곡률이 a와 ${fmt(c)}a인 그릇에서는 ${fmt(lowest)}/a에서 가장 낮습니다. 점을 끌거나 옮길 자리를 누르거나, 슬라이더를 움직여 보세요.`,
    oneOverA: '1/a',
    twoOverA: '2/a',
    diverged: '발산',
    regime: {
      too_small: '너무 작음: 느리지만 꾸준함',
      optimal: '최적: 한 걸음에 최소점',
      oscillating: '진동하지만 수렴',
      boundary: '같은 폭으로 계속 진동',
      diverging: '발산',
    },
    caption: ({ gamma, ratio, regime, k, loss, divergedAt }) => {
      const where = {
        too_small: '$1/a$보다 작습니다',
        optimal: '정확히 $1/a$입니다',
        oscillating: '$1/a$와 $2/a$ 사이입니다',
        boundary: '정확히 $2/a$입니다',
        diverging: '$2/a$보다 큽니다',
      }[regime];
      const head = `$γ = ${fmt(gamma)}$($${fmt(ratio)}/a$)는 ${where}. ${
        {
          too_small: '매 걸음 남은 거리의 일정 비율만큼만 다가가므로 천천히 최소점에 접근합니다.',
          optimal: '첫 걸음에 정확히 최소점에 도착합니다.',
          oscillating: '최소점을 건너뛰면서 점점 가까워집니다.',
          boundary: '두 점 사이를 끝없이 오갑니다.',
          diverging: '건너뛸 때마다 더 멀어져서 발산합니다.',
        }[regime]
      }`;
      if (divergedAt !== null) return `${head} $|w|$가 $10¹⁰$을 넘은 ${divergedAt}번째 걸음에서 멈췄습니다.`;
      return `${head} ${k} 걸음 뒤 $f = ${fmt(loss)}$.`;
    },
  },
  lead: {
    stepSizes: '$γ$를 움직이며 포물선 위의 경사 하강법을 보세요. 느리게 다가가거나, 한 걸음에 도착하거나, 지그재그로 들어가거나, 튀어 나갑니다.',
  },
  betaSteep: {
    label: '가파른 골짜기, $κ = L/μ = 100$',
    text: '강의에서는 $β = 0.9$나 0.99가 거의 언제나 잘 동작한다고 합니다. 이 둥근 그릇($κ = L/μ = 5$)에서는 가속할 것이 거의 없어서 작은 $β$가 가장 빠릅니다. 가파른 골짜기($κ = 100$, 신경망의 손실에 더 가까운 모양)를 선택해 보세요. 기본값 $γ = 0.15·(1 − β)$에서 작은 $β$는 발산하고 $β = 0.9$와 0.99만 수렴합니다. 큰 $β$는 모든 문제에서 가장 빠른 값이 아니라, 안전한 선택입니다.',
  },
  touch: {
    sgdDrag: '흰 점을 끌거나 옮길 자리를 눌러 $w$를 옮겨 보세요. 두 번째 그림은 그 점에서 출발한 경사 하강법과 확률적 경사 하강법입니다.',
    momentumDrag: '흰 점을 끌거나 옮길 자리를 눌러 시작점 $w₀$을 옮겨 보세요.',
    mapDrag: (linked) => `점을 끌거나 옮길 자리를 누르세요.${linked ? ` 위의 「${linked}」 그림이 함께 움직입니다.` : ''}`,
    mapPoint: '지도를 누르거나 끌면, 아래 설명이 그 점의 수렴률을 알려 줍니다.',
    sweep: '점을 끌거나 옮길 자리를 누르거나, 슬라이더를 움직여 보세요.',
  },
});

// What a playground run needed where the function is undefined (the core's
// reason: web/src/figures/playground.js).
function playgroundUndefined(what) {
  const words = {
    log: '0 이하인 수의 로그', sqrt: '음수의 제곱근', division: '0으로 나누기',
    power: '그곳에서 정의되지 않는 거듭제곱(음수의 분수 제곱이나 0의 0 이하 제곱)',
    sqrt_gradient: '0에서 sqrt의 기울기', power_gradient: '0에서 분수 제곱의 기울기',
  };
  return Object.hasOwn(words, what) ? words[what] : what;
}
