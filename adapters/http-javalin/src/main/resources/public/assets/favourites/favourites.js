// Favourites page: small progressive enhancement over server-rendered HTML. No inline script (CSP forbids it);
// every change goes through the same JSON API that other clients use.
(function () {
  'use strict';

  const { api, failureOf, notify, request } = window.Concierge;

  // Favourites page ---------------------------------------------------------------------------------------
  function savedQuery() {
    const controls = document.querySelector('#saved .saved-controls');
    return controls ? controls.dataset.query : '';
  }

  async function reloadSaved(query) {
    const saved = document.getElementById('saved');
    if (!saved) return;
    const response = await request('/favourites/saved?' + (query || savedQuery()), { credentials: 'same-origin' });
    if (!response.ok) throw await failureOf(response);
    saved.innerHTML = await response.text(); // server-rendered and escaped by the template engine
  }

  // The saved list's filter, order and page go into the address (beside the quote search), so a reload, a bookmark
  // or Back shows the same view.
  function keepInAddress(query) {
    const url = new URL(window.location.href);
    for (const [name, value] of new URLSearchParams(query)) {
      if (value === '' || (name === 'offset' && value === '0')) url.searchParams.delete(name); else url.searchParams.set(name, value);
    }
    history.pushState(null, '', url.pathname + url.search + url.hash);
  }

  window.addEventListener('popstate', () => {
    const params = new URLSearchParams(window.location.search);
    reloadSaved('type=' + (params.get('type') || '') + '&sort=' + (params.get('sort') || '') + '&offset=' + (params.get('offset') || 0))
      .catch((error) => notify(error.message, true));
  });

  async function onAction(button) {
    const action = button.dataset.action;
    // Delete sits next to like: on a phone a slip of the finger must not remove a favourite.
    if (button.dataset.confirm && !window.confirm(button.dataset.confirm)) return;
    button.disabled = true;
    try {
      if (action === 'save') {
        const body = { type: button.dataset.type, content: button.dataset.content };
        if (button.dataset.author) body.author = button.dataset.author;
        await api('POST', '/api/favourites', body);
        button.textContent = button.dataset.savedLabel;
        button.classList.add('done');
      } else if (action === 'like' || action === 'unlike') {
        await api('POST', '/api/favourites/' + encodeURIComponent(button.dataset.id) + '/' + action);
      } else if (action === 'delete') {
        await api('DELETE', '/api/favourites/' + encodeURIComponent(button.dataset.id));
      }
      await reloadSaved();
    } catch (error) {
      notify(error.message, true);
    } finally {
      if (!button.classList.contains('done')) button.disabled = false;
    }
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (button) {
      event.preventDefault();
      onAction(button);
      return;
    }
    const link = event.target.closest('a[data-saved-query]');
    if (link) {
      event.preventDefault();
      reloadSaved(link.dataset.savedQuery)
        .then(() => keepInAddress(link.dataset.savedQuery))
        .catch((error) => notify(error.message, true));
    }
  });
})();
