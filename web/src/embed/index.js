// The ES module build of optlab's embeddable figures (for bundlers):
//   import { define } from 'optlab';
//   define();                       // <optlab-figure scene="…">
//   define('course-figure');        // or under a name of your own
// Importing it registers nothing; the core (wasm inlined) loads on first use.
export { OptlabFigure, define, setSite, sharedCore } from './element.js';
export { parseSettings, sceneNames, sceneSpecs } from './params.js';
