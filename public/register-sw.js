// Installs Lentera's service worker (the offline copy) and tells the app when a newer version
// of the site is waiting. Service workers exist only in a secure context (https:// or
// localhost); elsewhere the app shows its own notice instead.
(function () {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // This app's own worker. The trainer workbench (pelatih/) lies inside the learner app's
  // scope, so its first visit starts under the learner's worker: that one does not count.
  var own = new URL('./sw.js', location.href).href;
  function ours(worker) {
    return !!worker && worker.scriptURL === own;
  }
  var hadController = ours(navigator.serviceWorker.controller);
  function announce(worker) {
    window.__lenteraWaiting = worker;
    window.dispatchEvent(new CustomEvent('lentera-update'));
  }
  window.lenteraApplyUpdate = function () {
    var w = window.__lenteraWaiting;
    if (w) w.postMessage({ type: 'SKIP_WAITING' });
  };
  var reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    // The first install takes control without a reload; an accepted update reloads once.
    if (!ours(navigator.serviceWorker.controller)) return;
    if (hadController && !reloading) {
      reloading = true;
      location.reload();
    }
    hadController = true;
  });
  // Registered once the page has loaded (the app's wasm included, both of the learner app's): installing the worker fetches
  // every file of the site again for the offline copy, and on a first visit over a slow mobile
  // link that download must not compete with the app's own.
  function register() {
    navigator.serviceWorker
      .register('./sw.js', { scope: './' })
      .then(function (reg) {
        if (reg.waiting && ours(navigator.serviceWorker.controller)) announce(reg.waiting);
        reg.addEventListener('updatefound', function () {
          var w = reg.installing;
          if (!w) return;
          w.addEventListener('statechange', function () {
            if (w.state === 'installed' && ours(navigator.serviceWorker.controller)) announce(w);
          });
        });
        // A tablet that stays open for days still learns about a new version.
        setInterval(function () { reg.update().catch(function () {}); }, 60 * 60 * 1000);
      })
      .catch(function (err) {
        window.__lenteraSwError = String(err);
        window.dispatchEvent(new CustomEvent('lentera-sw-error'));
      });
  }
  // The learner page loads its whole app after the first screen (load-app.js): after that too.
  function whenLoaded() {
    Promise.resolve(window.lenteraAppReady).then(register);
  }
  if (document.readyState === 'complete') whenLoaded();
  else window.addEventListener('load', whenLoaded);
})();
