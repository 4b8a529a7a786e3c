/** A first page as the HTML's script reads it: which paths, which requests, which module files. */
export interface FirstPageHint {
  pattern: string;
  data: readonly string[];
  modules: string[];
}

/** The name under which the script leaves the requests it started, for `takeFirstLoad`. */
export const FIRST_LOAD_GLOBAL = 'accordFirstLoad';

/** '/programs/:id' → '^/programs/(?<id>\d+)$': every parameter of a first page is a number (an id, a year). */
export const pathPattern = (path: string): string => `^${path.replace(/:(\w+)/g, '(?<$1>\\d+)')}$`;

/**
 * The script the HTML runs first, before the app's code has even been asked for: it starts the
 * session request, and on a first page that page's data requests, and reads their JSON as it
 * arrives; the page's code (modulepreload) once the document is parsed, so the app's own files and
 * stylesheet are not queued behind it. The app then takes those responses instead of asking again.
 * A classic script with no imports: it is inlined into index.html as written.
 */
export function firstPageScript(hints: readonly FirstPageHint[]): string {
  return `(function (pages) {
  var path = location.pathname.replace(/\\/{2,}/g, '/');
  var started = {};
  var get = function (url) {
    started[url] = fetch(url).then(function (response) {
      // Parsed as soon as it is in, while the app's code still loads and the page's thread is idle;
      // the app's json() gets that parse. A copy is read: the response's own body stays unread.
      var parsed = response.clone().json();
      parsed.catch(function () {});
      response.json = function () { return parsed; };
      return response;
    });
    // Offline, a request the app never takes would fail unhandled; the app still sees its failure.
    started[url].catch(function () {});
  };
  get('/api/session');
  for (var i = 0; i < pages.length; i++) {
    var match = new RegExp(pages[i].pattern).exec(path);
    if (!match) continue;
    pages[i].data.forEach(function (url) {
      get(url.replace(/:(\\w+)/g, function (_, name) { return match.groups[name]; }));
    });
    var modules = pages[i].modules;
    document.addEventListener('readystatechange', function () {
      if (document.readyState !== 'interactive') return;
      modules.forEach(function (href) {
        var link = document.createElement('link');
        link.rel = 'modulepreload';
        link.crossOrigin = '';
        link.href = href;
        document.head.appendChild(link);
      });
    });
    break;
  }
  window.${FIRST_LOAD_GLOBAL} = started;
})(${JSON.stringify(hints)});`;
}
