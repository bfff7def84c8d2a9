// Loads the whole learner app into this page once its first screen is up.
//
// The learner app comes in two downloads (docs/architecture.md, "First screen"): the page's own
// small wasm draws the profile picker at once; the whole app (app/, about six times larger)
// is fetched only then, so on a slow mobile link it does not compete with the first screen.
// When it has loaded, its main() replaces the first screen in the same page.
(function () {
  var script = document.currentScript;
  var base = document.baseURI;
  var js = new URL(script.dataset.app, base).href;
  var wasm = new URL(script.dataset.wasm, base).href;
  var started = false;
  var done;
  // register-sw.js waits for this: installing the offline copy downloads every file again.
  window.lenteraAppReady = new Promise(function (resolve) {
    done = resolve;
  });
  function load() {
    if (started) return;
    started = true;
    import(js)
      .then(function (app) {
        return app.default({ module_or_path: wasm }).then(function () {
          window.wasmBindings = app;
        });
      })
      .then(done, function (err) {
        // The first screen says so and offers a reload (`ui::first_screen`).
        window.__lenteraAppError = String(err);
        window.dispatchEvent(new CustomEvent('lentera-app-failed'));
        done();
      });
  }
  // Trunk's loader announces the first screen once it runs (and sets wasmBindings just before:
  // when this script arrives late, the first screen may be up already).
  if (window.wasmBindings) load();
  else window.addEventListener('TrunkApplicationStarted', load, { once: true });
  // Should the first screen fail to start, the whole app still comes.
  setTimeout(load, 10000);
})();
