// Approval pages: the trip page's submission (a justification per policy violation) and the approver's decisions and
// notifications on /approvals. Each sends JSON to the API, shows the 4xx's field details next to the fields, and
// reloads. No inline script (CSP forbids it).
(function () {
  'use strict';

  const { api } = window.Concierge;

  function showErrors(form, error) {
    form.querySelectorAll('[data-error-for]').forEach((el) => { el.hidden = true; el.textContent = ''; });
    form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    const general = form.querySelector('[data-error-for=""]');
    if (general) { general.textContent = error.message; general.hidden = false; }
    for (const detail of error.details || []) {
      const slot = form.querySelector('[data-error-for="' + CSS.escape(detail.field) + '"]');
      const input = form.querySelector('[name="' + CSS.escape(detail.field) + '"]');
      if (input) input.classList.add('invalid');
      if (slot) { slot.textContent = detail.message; slot.hidden = false; }
    }
  }

  async function sending(form, work) {
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await work();
      window.location.reload();
    } catch (error) {
      showErrors(form, error);
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  const submit = document.getElementById('approval-submit');
  if (submit) {
    submit.addEventListener('submit', (event) => {
      event.preventDefault();
      // trips.js asks before the reload drops edits not yet saved elsewhere on the page
      if (!document.dispatchEvent(new CustomEvent('trip:reloading', { cancelable: true }))) return;
      const justifications = {};
      submit.querySelectorAll('[data-justification]').forEach((field) => { justifications[field.dataset.justification] = field.value; });
      sending(submit, () => api('POST', '/api/trips/' + submit.dataset.tripId + '/submit',
        { version: Number(submit.dataset.version), justifications }));
    });
  }

  document.querySelectorAll('form.decide').forEach((form) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const verb = event.submitter && event.submitter.dataset.decision === 'reject' ? 'reject' : 'approve';
      sending(form, () => api('POST', '/api/approvals/' + form.dataset.approvalId + '/' + verb,
        { comment: form.elements.namedItem('comment').value }));
    });
  });

  document.querySelectorAll('[data-notification-read]').forEach((button) => {
    button.addEventListener('click', async () => {
      button.disabled = true;
      await api('POST', '/api/notifications/' + button.dataset.notificationRead + '/read').catch(() => null);
      window.location.reload();
    });
  });
}());
