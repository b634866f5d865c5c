// The standalone page of one figure (dist/embed/<scene>.html), for hosts
// that only allow an iframe. Runs before optlab-embed.js registers the
// element: the figure's parameters come from the URL (query or hash, e.g.
// momentum.html?lr=0.02&beta=0.9&lang=ko), and the page tells its parent
// how tall it is whenever that changes:
//   {type: 'optlab:height', scene, height}   (posted to window.parent)
// As the reader changes the figure, its state is written to the URL hash,
// so the address bar (or Copy link) always restores what is on screen.
import { allAttributes } from '../src/embed/params.js';
import { pageParams, stateParams } from '../src/share/url-state.js';

(function () {
  var figure = document.querySelector('optlab-figure');
  if (!figure) return;
  var scene = figure.getAttribute('scene');
  var params = pageParams(location);
  // Only the figure's own settings become attributes: a link is anyone's to
  // write, and an attribute such as onfocus or style would run or restyle
  // whatever it holds. The scene is the page's own.
  var settings = new Set(allAttributes);
  settings.delete('scene');
  var given = [];
  params.forEach(function (value, key) {
    if (key === 'scene') return;
    given.push(key);
    if (settings.has(key)) figure.setAttribute(key, value);
  });
  // Every key is listed, so that the figure names those it does not know
  // (a typo such as "lr=0.1&betta=0.9") in its message.
  figure.setAttribute('data-url-keys', given.map(encodeURIComponent).join(','));
  // The document speaks the figure's language and bears its title (a
  // browser's tab, a screen reader entering the frame).
  var lang = params.get('lang');
  if (lang === 'en' || lang === 'ko') document.documentElement.lang = lang;
  figure.addEventListener('optlab-ready', function () {
    var title = figure.shadowRoot && figure.shadowRoot.querySelector('.figure-title');
    if (title) document.title = 'optlab: ' + title.textContent;
  });
  // A new hash from outside (a pasted link, the host changing the iframe's
  // src, Back) loads nothing by itself: load it. The figure's own writes
  // below use replaceState, which fires no hashchange.
  addEventListener('hashchange', function () { location.reload(); });
  figure.addEventListener('optlab-change', function (event) {
    var state = event.detail && event.detail.state;
    if (!state) return;
    history.replaceState(null, '', location.pathname + location.search + '#' + stateParams(state).toString());
  });
  if (window.parent === window) return;
  var last = -1;
  function post() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'optlab:height', scene: scene, height: height }, '*');
  }
  new ResizeObserver(post).observe(document.documentElement);
})();
