// Every figure's mount function, by scene name (the page's sections and the
// embeddable element share this table).
import { adaptiveFigure } from './adaptive.js';
import { annealingFigure } from './annealing.js';
import { betaEffectFigure } from './beta-effect.js';
import { lbfgsFigure } from './lbfgs.js';
import { momentumFigure } from './momentum.js';
import { noiseSmoothingFigure } from './noise-smoothing.js';
import { playgroundFigure } from './playground.js';
import { rateMapFigure } from './rate-map.js';
import { sgdCloudFigure } from './sgd-cloud.js';
import { stepSizesFigure } from './step-sizes.js';

export const mounts = {
  'step-sizes': stepSizesFigure,
  'sgd-cloud': sgdCloudFigure,
  annealing: annealingFigure,
  momentum: momentumFigure,
  'beta-effect': betaEffectFigure,
  'rate-map': rateMapFigure,
  'noise-smoothing': noiseSmoothingFigure,
  lbfgs: lbfgsFigure,
  adaptive: adaptiveFigure,
  playground: playgroundFigure,
};
