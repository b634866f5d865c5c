// dist/embed/<scene>.html, one standalone page per figure (for iframes),
// from web/embed/template.html; build.sh bundles their script, page.js.
// Usage: node web/build-embed-pages.mjs OUTDIR
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The element's scene names (web/src/embed/params.js; a browser test opens every page).
export const scenes = ['step-sizes', 'sgd-cloud', 'annealing', 'momentum', 'beta-effect', 'rate-map', 'noise-smoothing', 'lbfgs', 'adaptive', 'playground'];

const here = join(dirname(fileURLToPath(import.meta.url)), 'embed');
const out = process.argv[2];
mkdirSync(out, { recursive: true });
const template = readFileSync(join(here, 'template.html'), 'utf8');
for (const scene of scenes) writeFileSync(join(out, `${scene}.html`), template.replaceAll('{{scene}}', scene));
copyFileSync(join(here, 'embed.css'), join(out, 'embed.css'));
