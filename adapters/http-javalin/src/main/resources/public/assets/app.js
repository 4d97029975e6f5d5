// Shared by every page (served through layout.jte, before the pages' own scripts): the JSON API call and the notice.
// No inline script (CSP forbids it); page scripts reach these as window.Concierge.
(function () {
  'use strict';

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
  }

  /** {@code headers}: more request headers, e.g. Idempotency-Key. */
  async function api(method, url, body, headers) {
    const options = { method, headers: Object.assign({ Accept: 'application/json' }, headers), credentials: 'same-origin' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    if (response.status === 204) return null;
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = data && data.error;
      throw new ApiError(error ? error.message : response.status + ' ' + response.statusText,
        error ? error.details : [], error ? error.code : '', response.status);
    }
    return data;
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

  window.Concierge = Object.freeze({ api, ApiError, notify, NOTICE_SECONDS });
})();
