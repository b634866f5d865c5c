// The lesson page's entry: choose the language, load the wasm core, mount
// every figure found in the page. Bundled by esbuild into one classic script
// (dist/optlab.js), so the page also works from file:// and under a strict
// Content-Security-Policy.
import { loadCore } from '../core/optlab-core.js';
import { annealingFigure } from './figures/annealing.js';
import { betaEffectFigure } from './figures/beta-effect.js';
import { lbfgsFigure } from './figures/lbfgs.js';
import { momentumFigure } from './figures/momentum.js';
import { noiseSmoothingFigure } from './figures/noise-smoothing.js';
import { rateMapFigure } from './figures/rate-map.js';
import { sgdCloudFigure } from './figures/sgd-cloud.js';
import { stepSizesFigure } from './figures/step-sizes.js';
import { chooseLanguage, strings } from './i18n/index.js';
import { painted } from './plot/canvas.js';
import { createState } from './state.js';
import annealingScene from '../scenes/annealing.json';
import betaScene from '../scenes/beta-effect.json';
import bowlScene from '../scenes/bowl-momentum.json';
import lbfgsScene from '../scenes/lbfgs.json';
import noiseScene from '../scenes/noise-smoothing.json';
import sgdScene from '../scenes/sgd-cloud.json';
import stepSizesScene from '../scenes/step-sizes.json';

// Figures 4 and 6 share (γ, β, w0): the map drives the paths and follows the sliders.
const bowlState = createState({
  lr: bowlScene.scenario.optimizer.lr,
  beta: bowlScene.scenario.optimizer.beta,
  w0: bowlScene.scenario.w0,
});

const figures = {
  'step-sizes': { mount: stepSizesFigure, scene: stepSizesScene },
  'sgd-cloud': { mount: sgdCloudFigure, scene: sgdScene },
  annealing: { mount: annealingFigure, scene: annealingScene },
  momentum: { mount: momentumFigure, scene: bowlScene, shared: bowlState },
  'beta-effect': { mount: betaEffectFigure, scene: betaScene },
  'rate-map': { mount: rateMapFigure, scene: bowlScene, shared: bowlState },
  'noise-smoothing': { mount: noiseSmoothingFigure, scene: noiseScene },
  lbfgs: { mount: lbfgsFigure, scene: lbfgsScene },
};

function applyStrings(t) {
  document.documentElement.lang = t.lang;
  document.title = t.pageTitle;
  for (const node of document.querySelectorAll('[data-text]')) {
    const value = t[node.dataset.text];
    if (typeof value === 'string') node.textContent = value;
  }
  const other = document.querySelector('[data-language-switch]');
  if (other) {
    const target = t.lang === 'ko' ? 'en' : 'ko';
    const url = new URL(location.href);
    url.searchParams.set('lang', target);
    other.href = url.search + url.hash;
    other.textContent = t.otherLanguage;
    other.lang = target;
  }
}

async function start() {
  const t = strings(chooseLanguage());
  applyStrings(t);
  const slots = [...document.querySelectorAll('[data-figure]')];
  for (const slot of slots) slot.replaceChildren(Object.assign(document.createElement('p'), { className: 'loading', textContent: t.loading }));
  let core;
  try {
    performance.mark('optlab-core-start');
    core = await loadCore(globalThis.OptlabCoreFactory);
    performance.measure('optlab-core', 'optlab-core-start');
  } catch (error) {
    for (const slot of slots) slot.replaceChildren(Object.assign(document.createElement('p'), { className: 'error', textContent: t.coreFailed(error.message) }));
    return;
  }
  for (const slot of slots) {
    const figure = figures[slot.dataset.figure];
    if (!figure) continue;
    performance.mark(`optlab-mount-${slot.dataset.figure}`);
    figure.mount(slot, { core, t, scene: figure.scene, shared: figure.shared });
    performance.measure(`optlab-figure-${slot.dataset.figure}`, `optlab-mount-${slot.dataset.figure}`);
  }
  // The figures queued their first pictures; they are painted together in
  // the next animation frame (one layout for the whole page).
  await painted();
  document.documentElement.dataset.ready = 'true';
  performance.mark('optlab-ready'); // read by the page benchmark
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
