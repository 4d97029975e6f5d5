// Test-case generation pages: every change goes through the JSON API (/api/suites, /api/test-cases, /api/batches).
// No inline script (CSP); texts come from data attributes rendered in the page's language.
(function () {
  'use strict';

  const text = (name) => {
    const holder = document.getElementById('tcg-text');
    return holder ? holder.dataset[name] || '' : '';
  };

  const format = (pattern, values) => pattern.replace(/\{(\d+)\}/g, (all, i) => (values[i] === undefined ? all : values[i]));

  async function api(method, url, body, raw) {
    const options = { method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (raw !== undefined) {
      options.body = raw;
    } else if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(data && data.error ? data.error.message : response.status + ' ' + response.statusText);
      error.details = data && data.error ? data.error.details : [];
      throw error;
    }
    return data;
  }

  function notify(message, isError) {
    const notice = document.getElementById('notice');
    if (!notice) return;
    notice.textContent = message;
    notice.classList.toggle('error', Boolean(isError));
    notice.hidden = false;
  }

  const caseBox = () => document.getElementById('case');
  const caseId = () => caseBox().dataset.caseId;
  const caseVersion = () => Number(caseBox().dataset.version);
  const suiteId = () => document.getElementById('cases').dataset.suiteId;

  // Suites -----------------------------------------------------------------------------------------------------
  async function createSuite(form) {
    const data = new FormData(form);
    const body = { name: data.get('name'), description: data.get('description') || '' };
    if (data.get('team')) body.team = data.get('team');
    const suite = await api('POST', '/api/suites', body);
    window.location.assign('/test-cases/suites/' + suite.id);
  }

  // Suite page -------------------------------------------------------------------------------------------------
  async function createCase(form) {
    const data = new FormData(form);
    const body = {};
    ['key', 'title', 'preconditions', 'expectedResult', 'requirementReference', 'requirementText', 'priority'].forEach((name) => {
      body[name] = data.get(name) || '';
    });
    body.tags = String(data.get('tags') || '').split(/[,、]/).map((t) => t.trim()).filter(Boolean);
    await api('POST', '/api/suites/' + suiteId() + '/test-cases', body);
    window.location.reload();
  }

  async function importFile(form) {
    const errors = document.getElementById('import-errors');
    errors.hidden = true;
    errors.replaceChildren();
    try {
      const report = await api('POST', '/api/suites/' + suiteId() + '/imports', undefined, new FormData(form));
      notify(format(text('imported'), [report.created, report.updated, report.unchanged, report.skippedLocked]));
      setTimeout(() => window.location.reload(), 1200);
    } catch (error) {
      (error.details || []).forEach((detail) => {
        const item = document.createElement('li');
        item.textContent = detail.field + ': ' + detail.message;
        errors.appendChild(item);
      });
      errors.hidden = errors.children.length === 0;
      throw error;
    }
  }

  async function generate(selectedOnly) {
    let body = {};
    if (selectedOnly) {
      const ids = Array.from(document.querySelectorAll('.tcg-cases input[name=case]:checked')).map((box) => Number(box.value));
      if (ids.length === 0) {
        notify(text('selectFirst'), true);
        return;
      }
      body = { testCaseIds: ids };
    }
    const batch = await api('POST', '/api/suites/' + suiteId() + '/batches', body);
    window.location.assign('/test-cases/batches/' + batch.id);
  }

  // Case page: step editor and review --------------------------------------------------------------------------
  function steps() {
    return Array.from(document.querySelectorAll('#steps > li')).map((item) => {
      const step = {
        action: item.querySelector('[name=action]').value,
        expectedResult: item.querySelector('[name=expectedResult]').value,
      };
      const testData = item.querySelector('[name=testData]').value.trim();
      if (testData) step.testData = testData;
      return step;
    });
  }

  function stepTool(button, tool) {
    const item = button.closest('li');
    const list = item.parentElement;
    if (tool === 'step-up' && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
    if (tool === 'step-down' && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
    if (tool === 'step-remove') item.remove();
  }

  function addStep() {
    const template = document.getElementById('step-template');
    const item = template.content.firstElementChild.cloneNode(true);
    document.getElementById('steps').appendChild(item);
    item.querySelector('textarea').focus();
  }

  async function saveProcedure() {
    await api('PUT', '/api/test-cases/' + caseId() + '/procedure', { steps: steps(), version: caseVersion() });
    notify(text('saved'));
    window.location.reload();
  }

  async function review(verb, extra) {
    await api('POST', '/api/test-cases/' + caseId() + '/' + verb, Object.assign({ version: caseVersion() }, extra || {}));
    window.location.reload();
  }

  async function generateOne() {
    const batch = await api('POST', '/api/test-cases/' + caseId() + '/generate', {});
    window.location.assign('/test-cases/batches/' + batch.id + '?case=' + caseId());
  }

  // Batch page: live progress over SSE -------------------------------------------------------------------------
  function duration(seconds) {
    if (seconds < 60) return seconds + ' s';
    const minutes = Math.round(seconds / 60);
    return minutes < 60 ? minutes + ' min' : Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
  }

  function showProgress(box, p) {
    document.getElementById('batch-progress').value = p.percent;
    document.getElementById('batch-percent').textContent = p.percent;
    document.getElementById('batch-finished').textContent = p.finished;
    document.getElementById('batch-total').textContent = p.total;
    Object.keys(p.counts).forEach((state) => {
      const cell = document.getElementById('count-' + state);
      if (cell) cell.textContent = p.counts[state];
    });
    const parts = [];
    if (p.perMinute !== null && p.perMinute !== undefined) parts.push(format(box.dataset.labelRate, [p.perMinute]));
    if (!p.done && p.estimatedSecondsLeft !== null && p.estimatedSecondsLeft !== undefined) {
      parts.push(format(box.dataset.labelEta, [duration(p.estimatedSecondsLeft)]));
    }
    document.getElementById('batch-estimate').textContent = parts.join(' · ');
    if (p.done) {
      box.dataset.done = 'true';
      document.getElementById('batch-state').textContent = box.dataset.labelDone;
      const cancel = document.getElementById('cancel-batch');
      if (cancel) cancel.remove();
    }
  }

  function followBatch() {
    const box = document.getElementById('batch');
    if (!box || box.dataset.done === 'true' || !window.EventSource) return;
    const source = new EventSource('/api/batches/' + encodeURIComponent(box.dataset.batchId) + '/events');
    source.addEventListener('progress', (event) => showProgress(box, JSON.parse(event.data)));
    source.addEventListener('end', (event) => {
      showProgress(box, JSON.parse(event.data));
      source.close(); // otherwise EventSource reconnects to a finished stream
    });
    source.addEventListener('failure', (event) => {
      source.close();
      notify(JSON.parse(event.data).error.message, true);
    });
    // A stopping server ends the stream: follow again a little later, by then from another instance (a 503 from
    // the stopping one would otherwise close the EventSource for good).
    source.addEventListener('reconnect', () => {
      source.close();
      window.setTimeout(followBatch, 1000 + Math.random() * 2000);
    });
    // A stream the server ends after a few minutes is reopened by EventSource itself; only a lost one is news.
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED && box.dataset.done !== 'true') notify(text('streamLost'), true);
    });
  }

  async function cancelBatch() {
    if (!window.confirm(text('confirmCancel'))) return;
    const box = document.getElementById('batch');
    showProgress(box, await api('POST', '/api/batches/' + encodeURIComponent(box.dataset.batchId) + '/cancel'));
  }

  // Wiring -----------------------------------------------------------------------------------------------------
  const forms = {
    'create-suite': createSuite,
    'create-case': createCase,
    import: importFile,
    procedure: saveProcedure,
    reject: (form) => review('reject', { reason: new FormData(form).get('reason') || '' }),
  };

  const buttons = {
    'generate-selected': () => generate(true),
    'generate-drafts': () => generate(false),
    'step-add': async () => addStep(),
    approve: () => review('approve'),
    reopen: () => review('reopen'),
    generate: generateOne,
    'cancel-batch': cancelBatch,
  };

  document.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-tcg-form]');
    if (!form) return;
    event.preventDefault();
    const submit = form.querySelector('button[type=submit]');
    if (submit) submit.disabled = true;
    forms[form.dataset.tcgForm](form)
      .catch((error) => notify(error.message, true))
      .finally(() => { if (submit) submit.disabled = false; });
  });

  document.addEventListener('click', (event) => {
    const target = event.target.closest('[data-tcg]');
    if (!target) return;
    const action = target.dataset.tcg;
    if (action === 'select-all') {
      document.querySelectorAll('.tcg-cases input[name=case]').forEach((box) => { box.checked = target.checked; });
      return;
    }
    if (action.startsWith('step-') && action !== 'step-add') {
      stepTool(target, action);
      return;
    }
    const run = buttons[action];
    if (!run) return;
    event.preventDefault();
    target.disabled = true;
    run().catch((error) => notify(error.message, true)).finally(() => { target.disabled = false; });
  });

  followBatch();
})();
