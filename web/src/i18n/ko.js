// 한국어 문자열. 용어는 강의의 번역을 따른다 (경사 하강법, 이동 크기, …).
import { formatNumber } from './en.js';

const fmt = (x) => formatNumber(x);

export default {
  lang: 'ko',
  pageTitle: 'optlab: 경사 기반 최적화를 직접 움직여 보기',
  intro:
    '이 페이지의 그림은 모두 브라우저 안에서 WebAssembly로 돌아가는 C++ 최적화 코어가 그때그때 계산합니다. 미리 계산해 둔 것은 없습니다.',
  languageName: '한국어',
  otherLanguage: 'English',
  play: '재생',
  pause: '일시정지',
  step: '한 걸음',
  reset: '처음으로',
  loading: '최적화 코어를 불러오는 중…',
  coreFailed: (message) => `최적화 코어를 시작하지 못했습니다: ${message}`,
  inDevelopment: '다른 그림들(확률적 경사 하강법, 담금질, 모멘텀, 네스테로프 모멘텀, (γ, β) 지도, 노이즈 스무딩, L-BFGS)은 준비 중입니다.',

  stepSizes: {
    title: '1차원 이차함수에서의 이동 크기',
    text: [
      '경사 하강법은 기울기의 반대 방향으로 움직입니다: w ← w − γ f′(w). 포물선 f(w) = a/2 · w² 에서 기울기는 a·w 이므로, 한 걸음마다 최소점까지의 거리에 (1 − γa) 가 곱해집니다. 모든 것은 γa 에 달려 있습니다.',
      '이동 크기가 1/a 보다 작으면 이 배율이 0과 1 사이라서 꾸준하지만 느리게 다가갑니다. 정확히 1/a 이면 첫 걸음에 최소점에 도착합니다. 1/a 와 2/a 사이에서는 배율이 음수라서 매번 최소점을 건너뛰지만, 건너뛸 때마다 더 가까이 내려앉습니다. 2/a 를 넘으면 건너뛸 때마다 더 멀리 떨어지고, 결국 발산합니다.',
      '실제로는 a 를 모르기 때문에 이동 크기를 로그 단위(0.001, 0.01, 0.1, …)로 시도해 보고 가장 좋은 값을 고릅니다. 아래의 훑어보기 그림이 그 이유를 보여 줍니다. 정해진 걸음 수 뒤의 손실은 γ 가 커질수록 꾸준히 줄다가 2/a 를 지나면 급격히 커집니다.',
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
    sweepHint: '점을 끌거나 슬라이더를 움직여 보세요.',
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
        too_small: '1/a 보다 작습니다',
        optimal: '정확히 1/a 입니다',
        oscillating: '1/a 와 2/a 사이입니다',
        boundary: '정확히 2/a 입니다',
        diverging: '2/a 보다 큽니다',
      }[regime];
      const head = `γ = ${fmt(gamma)} (${fmt(ratio)}/a) 는 ${where}. ${
        {
          too_small: '매 걸음 남은 거리의 일정 비율만큼만 다가가므로 천천히 최소점에 접근합니다.',
          optimal: '첫 걸음에 정확히 최소점에 도착합니다.',
          oscillating: '최소점을 건너뛰면서 점점 가까워집니다.',
          boundary: '두 점 사이를 끝없이 오갑니다.',
          diverging: '건너뛸 때마다 더 멀어져서 발산합니다.',
        }[regime]
      }`;
      if (divergedAt !== null) return `${head} |w| 가 10¹⁰ 을 넘은 ${divergedAt} 번째 걸음에서 멈췄습니다.`;
      return `${head} ${k} 걸음 뒤 f = ${fmt(loss)}.`;
    },
  },
};
