// Test-case generation pages: every change goes through the JSON API (/api/suites, /api/test-cases, /api/batches).
// No inline script (CSP); texts come from data attributes rendered in the page's language.
(function () {
  'use strict';

  const text = (name) => {
    const holder = document.getElementById('tcg-text');
    return holder ? holder.dataset[name] || '' : '';
  };

  const { api, format, notify, notifyNextPage } = window.Concierge;

  const skippedText = (skipped) => format(text('skipped'), [skipped.length,
    skipped.map((s) => s.key + ' (' + s.statusName + ')').join(', ')]);

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
    form.reset(); // Back must not offer the filled form again: a second submit would make a second suite
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
    const created = await api('POST', '/api/suites/' + suiteId() + '/test-cases', body);
    form.reset();
    window.location.assign('/test-cases/cases/' + created.id);
  }

  async function renameSuite(form) {
    const data = new FormData(form);
    await api('PUT', '/api/suites/' + suiteId(), { name: data.get('name'), description: data.get('description') || '' });
    window.location.reload();
  }

  async function deleteSuite() {
    if (!window.confirm(text('confirmDeleteSuite'))) return;
    await api('DELETE', '/api/suites/' + suiteId());
    window.location.assign('/test-cases');
  }

  async function approveSelected() {
    const rows = Array.from(document.querySelectorAll('.tcg-cases input[name=case]:checked')).map((box) => box.closest('tr'));
    if (rows.length === 0) {
      notify(text('selectFirst'), true);
      return;
    }
    const result = await api('POST', '/api/suites/' + suiteId() + '/approve',
      { testCases: rows.map((row) => ({ id: Number(row.dataset.caseId), version: Number(row.dataset.version) })) });
    const parts = [format(text('approved'), [result.approved.length])];
    if (result.skipped.length > 0) parts.push(skippedText(result.skipped));
    notifyNextPage(parts.join(' '));
    window.location.reload();
  }

  async function importFile(form) {
    const errors = document.getElementById('import-errors');
    errors.hidden = true;
    errors.replaceChildren();
    try {
      const choice = new FormData(form);
      const query = '?format=' + encodeURIComponent(choice.get('format') || 'csv') + '&mode=' + encodeURIComponent(choice.get('mode') || 'upsert');
      const upload = new FormData();
      upload.append('file', choice.get('file'));
      const report = await api('POST', '/api/suites/' + suiteId() + '/imports' + query, upload);
      const imported = format(text('imported'), [report.created, report.updated, report.unchanged, report.skippedLocked]);
      notify(imported);
      // Rows like cases already there (or why that could not be checked): kept over the reload, never blocking.
      const similar = report.duplicates ? [report.duplicates.notice].concat(report.duplicates.rows.length
        ? [text('importSimilar')].concat(report.duplicates.rows.map((r) => r.warning)) : []).filter(Boolean) : [];
      if (similar.length) notifyNextPage(imported + ' ' + similar.join(' '));
      setTimeout(() => window.location.reload(), 1200);
    } catch (error) {
      (error.details || []).forEach((detail) => {
        const item = document.createElement('li');
        item.textContent = format(text('lineProblem'), [fieldName(detail.field), detail.message]);
        errors.appendChild(item);
      });
      errors.hidden = errors.children.length === 0;
      throw error;
    }
  }

  // Validate only: what each row would do and every problem, nothing changes.
  async function previewImport() {
    const form = document.getElementById('import');
    const choice = new FormData(form);
    if (!choice.get('file') || !choice.get('file').name) { form.reportValidity(); return; }
    const upload = new FormData();
    upload.append('file', choice.get('file'));
    const result = await api('POST', '/api/suites/' + suiteId() + '/imports?preview=true&format='
      + encodeURIComponent(choice.get('format') || 'csv') + '&mode=' + encodeURIComponent(choice.get('mode') || 'upsert'), upload);
    const list = document.getElementById('import-preview');
    list.replaceChildren();
    result.rows.forEach((row) => {
      const item = document.createElement('li');
      item.dataset.action = row.action;
      item.textContent = format(text('previewRow'), [row.line, row.key, text('action' + row.action.charAt(0).toUpperCase() + row.action.slice(1)), row.steps]);
      list.appendChild(item);
    });
    result.problems.forEach((problem) => {
      const item = document.createElement('li');
      item.className = 'problem';
      item.textContent = format(text('lineProblem'), [fieldName(problem.field), problem.message]);
      list.appendChild(item);
    });
    if (result.duplicates) {
      const warnings = result.duplicates.rows.map((r) => r.warning).concat(result.duplicates.notice ? [result.duplicates.notice] : []);
      if (warnings.length) {
        const item = document.createElement('li');
        item.className = 'similar';
        item.textContent = text('importSimilar');
        const inner = document.createElement('ul');
        inner.className = 'tcg-import-similar';
        warnings.forEach((warning) => {
          const line = document.createElement('li');
          line.textContent = warning;
          inner.appendChild(line);
        });
        item.appendChild(inner);
        list.appendChild(item);
      }
    }
    list.hidden = false;
    notify(format(text('previewed'), [result.created, result.updated, result.unchanged, result.skippedLocked, result.skipped, result.problems.length]));
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
    if (batch.skipped && batch.skipped.length > 0) notifyNextPage(skippedText(batch.skipped));
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

  // Unsaved step edits are never dropped: approving, rejecting or regenerating saves them first, and leaving asks.
  let procedureDirty = false;
  function markDirty(event) {
    if (!event.target.closest('#procedure') || event.target.closest('.tcg-step-review')) return;
    procedureDirty = true;
    const flag = document.getElementById('unsaved');
    if (flag) flag.hidden = false;
  }

  async function storeProcedure() {
    const updated = await api('PUT', '/api/test-cases/' + caseId() + '/procedure', { steps: steps(), version: caseVersion() });
    caseBox().dataset.version = updated.version;
    procedureDirty = false;
    return updated;
  }

  async function saveProcedure() {
    await storeProcedure();
    notify(text('saved'));
    window.location.reload();
  }

  async function review(verb, extra) {
    if (procedureDirty) await storeProcedure();
    await api('POST', '/api/test-cases/' + caseId() + '/' + verb, Object.assign({ version: caseVersion() }, extra || {}));
    window.location.reload();
  }

  async function generateOne() {
    if (procedureDirty) await storeProcedure(); // the edit stays in the history, the new procedure follows it
    const batch = await api('POST', '/api/test-cases/' + caseId() + '/generate', {});
    window.location.assign('/test-cases/batches/' + batch.id + '?case=' + caseId());
  }

  async function updateCase(form) {
    const data = new FormData(form);
    const body = { version: caseVersion() };
    ['key', 'title', 'preconditions', 'expectedResult', 'requirementReference', 'requirementText', 'priority'].forEach((name) => {
      body[name] = data.get(name) || '';
    });
    body.tags = String(data.get('tags') || '').split(/[,、]/).map((t) => t.trim()).filter(Boolean);
    await api('PUT', '/api/test-cases/' + caseId(), body);
    window.location.reload();
  }

  async function deleteCase() {
    if (!window.confirm(text('confirmDeleteCase'))) return;
    await api('DELETE', '/api/test-cases/' + caseId());
    procedureDirty = false;
    window.location.assign(caseBox().dataset.suiteHref);
  }

  // "line 4: title" in an import's problems, in the reader's words.
  function fieldName(field) {
    const names = text('fields').split('|').reduce((all, pair) => {
      const at = pair.indexOf('=');
      if (at > 0) all[pair.slice(0, at)] = pair.slice(at + 1);
      return all;
    }, {});
    const match = /^line (\d+): (.*)$/.exec(field || '');
    if (!match) return names[field] || field;
    return format(text('line'), [match[1]]) + (names[match[2]] || match[2]);
  }

  // Batch page: live progress over SSE; the server words the state, the rate and the time left ----------------
  function showProgress(box, p) {
    document.getElementById('batch-progress').value = p.percent;
    document.getElementById('batch-percent').textContent = p.percent;
    document.getElementById('batch-state').textContent = p.summary;
    document.getElementById('batch-estimate').textContent = p.estimate || '';
    Object.keys(p.counts).forEach((state) => {
      const cell = document.getElementById('count-' + state);
      if (cell) cell.textContent = p.counts[state];
    });
    box.dataset.state = p.state;
    box.className = box.className.replace(/\bstate-\S+/, 'state-' + p.state);
    if (p.done) {
      box.dataset.done = 'true';
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

  // Background export: start it, poll its state, then offer the stored file -----------------------------------
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function startExport(form) {
    const status = document.getElementById('export-status');
    status.replaceChildren(text('exportQueued'));
    const choice = new FormData(form);
    let exported = await api('POST', '/api/suites/' + suiteId() + '/exports',
      { format: choice.get('format'), approvedOnly: choice.get('approvedOnly') === 'true' });
    for (let wait = 500; exported.state === 'queued' || exported.state === 'running'; wait = Math.min(wait * 2, 5000)) {
      await sleep(wait);
      exported = await api('GET', '/api/exports/' + encodeURIComponent(exported.id));
    }
    if (exported.state !== 'ready') {
      status.replaceChildren(text('exportFailed')); // the cause is the operators' business: it is in the log
      status.classList.add('error');
      return;
    }
    const link = document.createElement('a');
    link.href = exported.downloadUrl;
    link.setAttribute('download', '');
    link.id = 'export-download';
    link.textContent = text('exportDownload') + ' (' + exported.format.toUpperCase() + ')';
    status.classList.remove('error');
    status.replaceChildren(text('exportReady') + ' ', link);
  }

  // Wiring -----------------------------------------------------------------------------------------------------
  const forms = {
    'create-suite': createSuite,
    'create-case': createCase,
    'rename-suite': renameSuite,
    'update-case': updateCase,
    import: importFile,
    export: startExport,
    procedure: saveProcedure,
    reject: (form) => review('reject', { reason: new FormData(form).get('reason') || '' }),
  };

  const buttons = {
    'generate-selected': () => generate(true),
    'generate-drafts': () => generate(false),
    'approve-selected': approveSelected,
    'import-preview': previewImport,
    'delete-suite': deleteSuite,
    'delete-case': deleteCase,
    'step-add': async () => { addStep(); markDirty({ target: document.getElementById('steps') }); },
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
      markDirty({ target });
      return;
    }
    const run = buttons[action];
    if (!run) return;
    event.preventDefault();
    target.disabled = true;
    run().catch((error) => notify(error.message, true)).finally(() => { target.disabled = false; });
  });

  document.addEventListener('input', markDirty);
  window.addEventListener('beforeunload', (event) => {
    if (!procedureDirty) return;
    event.preventDefault();
    event.returnValue = text('confirmLeave'); // browsers show their own words; setting it is what asks
  });

  // Step checks and per-step review: the reasons come worded from the API; one step is accepted, saved or
  // regenerated with a note while the others stay. Unsaved edits of the whole procedure are saved first.
  const stepText = (name) => {
    const holder = document.getElementById('tcg-step-text');
    return holder ? holder.dataset[name] || '' : '';
  };
  const currentSteps = () => Array.from(document.querySelectorAll('#steps > li, #steps-readonly > li'));

  function element(tag, className, textContent) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (textContent !== undefined) made.textContent = textContent;
    return made;
  }

  function stepReviewBlock(step, reviewable) {
    const block = element('div', 'tcg-step-review');
    block.dataset.step = step.number;
    const score = element('span', 'score ' + (step.score >= 90 ? 'good' : step.score >= 60 ? 'fair' : 'poor'),
      format(stepText('stepScore'), [step.score]));
    block.appendChild(score);
    const reasons = element('ul', 'reasons');
    if (step.findings.length === 0 && step.modelFindings.length === 0) reasons.appendChild(element('li', 'clean', stepText('clean')));
    step.findings.forEach((f) => {
      const item = element('li', 'reason', f.fieldName + ': ' + f.message);
      item.dataset.rule = f.rule;
      reasons.appendChild(item);
    });
    step.modelFindings.forEach((text) => reasons.appendChild(element('li', 'model', stepText('model') + ': ' + text)));
    block.appendChild(reasons);
    if (step.review) {
      block.appendChild(element('p', 'verdict', format(stepText('by'), [step.review.verdictName, step.review.reviewer])
        + (step.review.note ? ' — ' + step.review.note : '')));
    }
    if (reviewable) {
      const tools = element('div', 'tools');
      const label = element('label', '', stepText('note'));
      const note = element('input');
      note.name = 'stepNote';
      note.maxLength = 2000;
      label.appendChild(note);
      tools.appendChild(label);
      [['accept', 'accept'], ['save', 'save'], ['regenerate', 'regenerate']].forEach(([verb, label]) => {
        if (verb === 'save' && !document.getElementById('steps')) return;
        const button = element('button', verb === 'regenerate' ? 'secondary' : '', stepText(label));
        button.type = 'button';
        button.dataset.tcgStep = verb;
        tools.appendChild(button);
      });
      block.appendChild(tools);
    }
    return block;
  }

  async function showStepQuality() {
    const box = document.getElementById('step-quality');
    if (!box || !caseBox()) return;
    const quality = await api('GET', '/api/test-cases/' + caseId() + '/quality');
    document.getElementById('quality-summary').textContent = stepText('heading') + ' · ' + quality.summary;
    box.dataset.score = quality.score;
    const whole = quality.modelReview ? quality.modelReview.findings.filter((f) => f.step === null) : [];
    const wholeList = document.getElementById('quality-model');
    whole.forEach((f) => wholeList.appendChild(element('li', 'model', stepText('modelWhole') + ': ' + f.text)));
    wholeList.hidden = whole.length === 0;
    const items = currentSteps();
    quality.steps.forEach((step) => {
      const item = items[step.number - 1];
      if (item) item.appendChild(stepReviewBlock(step, box.dataset.reviewable === 'true'));
    });
  }

  async function stepAction(button) {
    const item = button.closest('li');
    const number = currentSteps().indexOf(item) + 1;
    const note = item.querySelector('input[name=stepNote]').value;
    if (procedureDirty) await storeProcedure();
    const base = '/api/test-cases/' + caseId() + '/steps/' + number;
    const verb = button.dataset.tcgStep;
    if (verb === 'save') {
      const step = {
        action: item.querySelector('textarea[name=action]').value,
        expectedResult: item.querySelector('textarea[name=expectedResult]').value,
        note, version: caseVersion(),
      };
      const testData = item.querySelector('input[name=testData]').value.trim();
      if (testData) step.testData = testData;
      await api('PUT', base, step);
    } else {
      if (verb === 'regenerate') notify(format(stepText('regenerating'), [number]));
      await api('POST', base + '/' + verb, { note, version: caseVersion() });
    }
    procedureDirty = false;
    window.location.reload();
  }

  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-tcg-step]');
    if (!button) return;
    event.preventDefault();
    button.disabled = true;
    stepAction(button).catch((error) => notify(error.message, true)).finally(() => { button.disabled = false; });
  });

  followBatch();
  showStepQuality().catch((error) => notify(error.message, true));
})();
