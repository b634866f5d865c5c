// The host page's side of optlab's iframe protocol: each figure page posts
// {type: 'optlab:height', height} to its parent whenever its height changes;
// size the iframe it came from to fit.
window.addEventListener('message', function (event) {
  var data = event.data;
  if (!data || data.type !== 'optlab:height' || typeof data.height !== 'number') return;
  for (var frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + 'px';
  }
});
