// The one-script build (optlab-embed.js, wasm inlined, works from file://):
//   <script src="optlab-embed.js" defer></script>
//   <optlab-figure scene="momentum" lr="0.02"></optlab-figure>
// It registers <optlab-figure>, or the tag named by the script's data-tag
// ("none" registers nothing), and exposes window.optlab for scripts.
import { OptlabFigure, define, setSite, sharedCore } from './element.js';
import { sceneNames } from './params.js';

const script = document.currentScript;
const tag = script?.dataset.tag ?? 'optlab-figure';
// The site is where this script came from: links and iframe code point there.
if (script?.src) setSite(new URL('.', script.src).href);
globalThis.optlab = { OptlabFigure, define, sharedCore, sceneNames };
if (tag !== 'none') define(tag);
