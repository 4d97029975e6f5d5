// Near-duplicate test cases and shared-step candidates (suite page), and "similar to" warnings (case page).
// Everything through the JSON API; texts come from data attributes rendered in the page's language (no inline script: CSP).
(function () {
  'use strict';

  const { api, format } = window.Concierge;

  const caseLink = (c) => {
    const link = document.createElement('a');
    link.href = '/test-cases/cases/' + c.id;
    link.textContent = c.key + ' ' + c.title;
    return link;
  };

  function showNotice(panel, message, isError) {
    const notice = panel.querySelector('#duplicates-notice');
    notice.textContent = message || '';
    notice.classList.toggle('error', Boolean(isError));
    notice.hidden = !message;
  }

  function renderPairs(panel, report) {
    const texts = panel.dataset;
    panel.querySelector('#duplicates-intro').textContent = format(texts.intro, [Math.round(report.threshold * 100)]);
    showNotice(panel, report.notice, !report.complete);
    const list = panel.querySelector('#duplicates-list');
    list.replaceChildren();
    if (report.items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = texts.none;
      list.appendChild(empty);
    }
    report.items.forEach((pair) => {
      const item = document.createElement('li');
      item.className = 'tcg-duplicate';
      item.dataset.first = pair.first.id;
      item.dataset.second = pair.second.id;
      const what = document.createElement('span');
      what.className = 'pair';
      const [before, middle, after] = format(texts.pair, ['\u0000', '\u0001', pair.percent]).split(/[\u0000\u0001]/);
      what.append(before, caseLink(pair.first), middle, caseLink(pair.second), after);
      const meter = document.createElement('meter');
      meter.min = 0;
      meter.max = 100;
      meter.value = pair.percent;
      meter.setAttribute('aria-hidden', 'true');
      const dismiss = document.createElement('button');
      dismiss.type = 'button';
      dismiss.className = 'dismiss';
      dismiss.textContent = texts.dismiss;
      dismiss.addEventListener('click', async () => {
        dismiss.disabled = true;
        try {
          await api('POST', '/api/suites/' + texts.suiteId + '/duplicates/dismiss', { caseIds: [pair.first.id, pair.second.id] });
          item.remove();
          showNotice(panel, texts.dismissed, false);
        } catch (error) {
          dismiss.disabled = false;
          showNotice(panel, error.message, true);
        }
      });
      item.append(what, meter, dismiss);
      list.appendChild(item);
    });
    if (report.total > report.items.length) {
      const more = document.createElement('li');
      more.className = 'meta';
      more.textContent = format(texts.more, [report.total]);
      list.appendChild(more);
    }
  }

  function renderShared(panel, shared) {
    const list = panel.querySelector('#shared-steps');
    list.replaceChildren();
    if (shared.items.length === 0) {
      const empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = panel.dataset.sharedNone;
      list.appendChild(empty);
    }
    shared.items.forEach((candidate) => {
      const item = document.createElement('li');
      item.className = 'tcg-shared';
      const steps = document.createElement('ol');
      candidate.steps.forEach((step) => {
        const line = document.createElement('li');
        line.textContent = step.action + ' → ' + step.expectedResult + (step.testData ? ' [' + step.testData + ']' : '');
        steps.appendChild(line);
      });
      const where = document.createElement('p');
      where.className = 'meta';
      where.append(format(panel.dataset.sharedIn, [candidate.cases.length]), ' ');
      candidate.cases.forEach((c, i) => { if (i > 0) where.append(', '); where.appendChild(caseLink(c)); });
      item.append(steps, where);
      list.appendChild(item);
    });
  }

  async function suitePanel(panel) {
    const suite = panel.dataset.suiteId;
    const check = panel.querySelector('#duplicates-check');
    check.addEventListener('click', async () => {
      check.disabled = true;
      check.textContent = panel.dataset.checking;
      try {
        renderPairs(panel, await api('POST', '/api/suites/' + suite + '/duplicates/check'));
      } catch (error) {
        showNotice(panel, error.message, true);
      } finally {
        check.disabled = false;
        check.textContent = panel.dataset.check;
      }
    });
    try {
      const [pairs, shared] = await Promise.all([api('GET', '/api/suites/' + suite + '/duplicates?limit=50'),
        api('GET', '/api/suites/' + suite + '/shared-steps?limit=20')]);
      renderPairs(panel, pairs);
      renderShared(panel, shared);
      panel.dataset.loaded = 'true';
    } catch (error) {
      showNotice(panel, error.message, true);
    }
  }

  async function caseWarning(box) {
    try {
      const similar = await api('GET', '/api/test-cases/' + box.dataset.caseId + '/similar');
      if (similar.items.length === 0) return;
      const list = box.querySelector('ul');
      similar.items.forEach((c) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = '/test-cases/cases/' + c.id;
        link.textContent = c.warning;
        item.appendChild(link);
        list.appendChild(item);
      });
      box.hidden = false;
    } catch (error) { /* the warning is a help, not the page: leave it out */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const panel = document.getElementById('duplicates');
    if (panel) suitePanel(panel);
    const box = document.getElementById('similar-cases');
    if (box) caseWarning(box);
  });
}());
