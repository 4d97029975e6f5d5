// After the trip: record expenses, hand in receipts, file the report — each through the JSON API, then the page
// reloads so the server renders the comparison again. No inline script (CSP forbids it).
(function () {
  'use strict';

  const { api, errorText, notify } = window.Concierge;

  const print = document.getElementById('print-report');
  if (print) print.addEventListener('click', () => window.print());

  const root = document.getElementById('expenses');
  if (!root) return;
  const trip = root.dataset.tripId;

  const form = document.getElementById('expense-form');
  if (form) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = form.querySelector('[data-error-for=""]');
      error.hidden = true;
      const value = (name) => form.elements[name].value.trim();
      const number = (name) => (value(name) === '' ? null : Number(value(name)));
      try {
        await api('POST', '/api/trips/' + trip + '/actual-expenses', {
          spentOn: value('spentOn') || null, category: value('category'), description: value('description'), city: value('city'),
          amount: number('amount'), nights: number('nights'), estimateLine: number('estimateLine'),
        });
        window.location.reload();
      } catch (e) {
        error.textContent = errorText(e);
        error.hidden = false;
      }
    });
  }

  root.querySelectorAll('input[data-receipt-for]').forEach((input) => {
    input.addEventListener('change', async () => {
      const file = input.files[0];
      if (!file) return;
      try {
        await api('PUT', '/api/actual-expenses/' + input.dataset.receiptFor + '/receipt?name=' + encodeURIComponent(file.name),
          file, { 'Content-Type': file.type || 'application/octet-stream' });
        window.location.reload();
      } catch (e) { notify(errorText(e), true); }
    });
  });

  root.querySelectorAll('button[data-delete-expense]').forEach((button) => {
    button.addEventListener('click', async () => {
      if (!window.confirm(root.dataset.deleteConfirm)) return;
      try {
        await api('DELETE', '/api/actual-expenses/' + button.dataset.deleteExpense);
        window.location.reload();
      } catch (e) { notify(errorText(e), true); }
    });
  });

  const file = document.getElementById('report-file');
  if (file) {
    file.addEventListener('click', async () => {
      if (!window.confirm(root.dataset.fileConfirm)) return;
      try {
        await api('POST', '/api/trips/' + trip + '/expense-report/file');
        window.location.reload();
      } catch (e) { notify(errorText(e), true); }
    });
  }
})();
