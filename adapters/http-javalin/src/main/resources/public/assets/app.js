// Shared by every page (served through layout.jte, before the pages' own scripts): the JSON API call and the notice.
// No inline script (CSP forbids it); page scripts reach these as window.Concierge.
(function () {
  'use strict';

  // A page the browser restores on Back from its memory shows the data as it was when left (a trip deleted since):
  // it loads again instead.
  window.addEventListener('pageshow', (event) => { if (event.persisted) window.location.reload(); });

  /** How long a notice stays: long enough to read two lines, or to reach its button (Undo). */
  const NOTICE_SECONDS = 6;

  /** A refusal from the API: the message in the reader's language, and the field details for forms. */
  class ApiError extends Error {
    constructor(message, details, code, status) {
      super(message);
      this.details = details || [];
      this.code = code || '';
      this.status = status || 0;
    }

    /** The message and each field's, for a notice that has no form to point into. */
    get fullMessage() {
      return [this.message].concat(this.details.map((d) => d.message).filter(Boolean)).join(' ');
    }
  }

  /** What a notice says of a failed call: the API's message with its field messages, or the browser's. */
  function errorText(error) {
    return error instanceof ApiError ? error.fullMessage : String(error && error.message || error);
  }

  /**
   * {@code body}: an object, sent as JSON; or a file (Blob) or a form (FormData), sent as it is. {@code headers}: more
   * request headers, e.g. Idempotency-Key, or a file's Content-Type.
   */
  async function api(method, url, body, headers) {
    const options = { method, headers: Object.assign({ Accept: 'application/json' }, headers), credentials: 'same-origin' };
    if (body instanceof Blob || body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await request(url, options);
    if (response.status === 204) return null;
    if (!response.ok) throw await failureOf(response);
    return response.json().catch(() => null);
  }

  // Without an answer (offline, the server restarting) or with one that is not the API's error body (a proxy's
  // page), a notice still speaks the page's language: layout.jte puts those two sentences on <body>.

  /** fetch, with a server that cannot be reached as an ApiError in the page's language. */
  function request(url, options) {
    return fetch(url, options).catch(() => {
      throw new ApiError(document.body.dataset.textUnreachable, [], 'unreachable', 0);
    });
  }

  /** The ApiError for an answer that is not ok: the API's error body, else the page's sentence with the status. */
  async function failureOf(response) {
    const data = await response.json().catch(() => null);
    const error = data && data.error;
    return new ApiError(error ? error.message : document.body.dataset.textFailed.replace('{0}', response.status),
      error ? error.details : [], error ? error.code : '', response.status);
  }

  /**
   * Shows {@code text} in the page's #notice for a few seconds. {@code action} ({label, run}) adds a button, e.g.
   * Undo; it goes away with the notice.
   */
  function notify(text, isError, action) {
    const notice = document.getElementById('notice');
    if (!notice) return;
    notice.textContent = text;
    notice.classList.toggle('error', Boolean(isError));
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'notice-action';
      button.textContent = action.label;
      button.addEventListener('click', () => {
        notice.hidden = true;
        action.run();
      });
      notice.append(' ', button);
    }
    notice.hidden = false;
    clearTimeout(notify.timer);
    notify.timer = setTimeout(() => { notice.hidden = true; }, NOTICE_SECONDS * 1000);
  }

  /** {@code pattern}'s {0}, {1}… replaced by {@code values} (the bundles' MessageFormat placeholders). */
  function format(pattern, values) {
    return (pattern || '').replace(/\{(\d+)\}/g, (all, i) => (values[i] === undefined ? all : values[i]));
  }

  // A notice for the next page this tab shows, for an action that ends by navigating or reloading.
  const NEXT_PAGE_NOTICE = 'concierge-notice';
  function notifyNextPage(text) {
    try { window.sessionStorage.setItem(NEXT_PAGE_NOTICE, text); } catch (e) { /* storage off: the page shows the result */ }
  }
  try {
    const pending = window.sessionStorage.getItem(NEXT_PAGE_NOTICE);
    if (pending && document.getElementById('notice')) { // a page without a notice leaves it for the next
      window.sessionStorage.removeItem(NEXT_PAGE_NOTICE);
      notify(pending);
    }
  } catch (e) { /* nothing pending */ }

  window.Concierge = Object.freeze({ api, ApiError, errorText, failureOf, format, notify, notifyNextPage, request, NOTICE_SECONDS });
})();
