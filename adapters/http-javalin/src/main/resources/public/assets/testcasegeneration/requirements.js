// Requirements, coverage and suite-settings pages: every change goes through the JSON API (/api/suites/{id}/requirements,
// /api/requirements/{id}, /api/suites/{id}/settings). No inline script (CSP); texts come from data attributes.
(function () {
  'use strict';

  const text = (name) => {
    const holder = document.getElementById('req-text');
    return holder ? holder.dataset[name] || '' : '';
  };
  const { api, format, notify, notifyNextPage } = window.Concierge;

  function notifyAfterReload(message) {
    notifyNextPage(message);
    window.location.reload();
  }

  function showErrors(error) {
    notify(error.message, true);
    const list = document.getElementById('import-errors');
    if (!list) return;
    list.replaceChildren();
    (error.details || []).forEach((d) => {
      const item = document.createElement('li');
      item.textContent = d.message || (d.field + ': ' + d.code);
      list.appendChild(item);
    });
    list.hidden = list.children.length === 0;
  }

  const suiteId = (id) => document.getElementById(id).dataset.suiteId;

  async function importRequirements(form) {
    const data = new FormData(form);
    const report = await api('POST', '/api/suites/' + suiteId('requirements') + '/requirements/imports', data);
    form.reset();
    notifyAfterReload(report.summary);
  }

  async function generate(article, button) {
    button.disabled = true;
    notify(text('generating'));
    try {
      const created = await api('POST', '/api/requirements/' + article.dataset.requirementId + '/generate');
      notifyAfterReload(format(text('generated'), [created.total, article.dataset.reference]));
    } finally {
      button.disabled = false;
    }
  }

  async function regenerate(article, button) {
    button.disabled = true;
    notify(text('generating'));
    try {
      const result = await api('POST', '/api/requirements/' + article.dataset.requirementId + '/regenerate');
      notifyAfterReload(format(text('regenerated'), [result.regenerated.length, article.dataset.reference]));
    } finally {
      button.disabled = false;
    }
  }

  // The cases stay: they become cases with no requirement, which the coverage warns about.
  async function remove(article, button) {
    if (!window.confirm(button.dataset.confirm)) return;
    button.disabled = true;
    try {
      await api('DELETE', '/api/requirements/' + article.dataset.requirementId);
      notifyAfterReload(format(text('deleted'), [article.dataset.reference]));
    } finally {
      button.disabled = false;
    }
  }

  /** "term: meaning" per line; examples separated by a line of three dashes. */
  async function saveSettings(form) {
    const data = new FormData(form);
    const glossary = String(data.get('glossary') || '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((line) => {
      const at = line.search(/[:：]/);
      return at < 0 ? { term: line, meaning: '' } : { term: line.slice(0, at).trim(), meaning: line.slice(at + 1).trim() };
    });
    const examples = String(data.get('examples') || '').split(/\r?\n---\r?\n/).map((e) => e.trim()).filter(Boolean);
    await api('PUT', '/api/suites/' + suiteId('settings') + '/settings', {
      glossary, examples, instructions: String(data.get('instructions') || ''), version: Number(data.get('version')),
    });
    notifyAfterReload(text('settingsSaved'));
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    const kind = form.dataset ? form.dataset.reqForm : undefined;
    if (!kind) return;
    event.preventDefault();
    const action = kind === 'import' ? importRequirements : saveSettings;
    action(form).catch(showErrors);
  });

  document.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-req]');
    if (!button) return;
    const article = button.closest('.tcg-requirement');
    const action = { generate, regenerate, delete: remove }[button.dataset.req];
    action(article, button).catch(showErrors);
  });

})();
