// The day's route page and the calendar subscription page: changes go to the JSON API, then the page reloads so the
// server renders the new route. No inline script (CSP forbids it).
(function () {
  'use strict';

  const { api, errorText, notify } = window.Concierge;

  const route = document.getElementById('route');
  const apply = document.getElementById('route-apply');
  if (route && apply) {
    apply.addEventListener('click', async () => {
      apply.disabled = true;
      try {
        await api('POST', '/api/trips/' + route.dataset.tripId + '/day-routes/' + route.dataset.date + '/apply', {
          startPlace: route.dataset.startPlace || null, dayStart: route.dataset.dayStart, dayEnd: route.dataset.dayEnd,
        });
        notify(route.dataset.applied, false);
      } catch (e) {
        notify(errorText(e), true);
      } finally {
        apply.disabled = false;
      }
    });
  }

  document.querySelectorAll('form.window-form').forEach((form) => {
    const error = form.querySelector('[data-error-for=""]');
    const fail = (e) => { error.textContent = errorText(e); error.hidden = false; };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      try {
        const duration = form.elements.durationMinutes;
        const durationChanged = Boolean(duration) && duration.value !== duration.dataset.saved;
        if (durationChanged) {
          // The visit's length is the visit's own field: change it with the visit's version, as the trip page would.
          const visit = await api('GET', '/api/visits/' + form.dataset.visitId);
          await api('PUT', '/api/visits/' + form.dataset.visitId, {
            company: visit.company, contacts: visit.contacts, location: visit.location, startsAt: visit.startsAt,
            durationMinutes: Number(duration.value), agenda: visit.agenda, notes: visit.notes, version: visit.version,
          });
        }
        // Only the length changed on a visit without a window: nothing to say about the window.
        if (form.elements.from.value || form.elements.until.value || !durationChanged) {
          await api('PUT', '/api/visits/' + form.dataset.visitId + '/window', { from: form.elements.from.value, until: form.elements.until.value });
        }
        window.location.reload();
      } catch (e) { fail(e); }
    });
    const remove = form.querySelector('[data-window-remove]');
    if (remove) {
      remove.addEventListener('click', async () => {
        try {
          await api('DELETE', '/api/visits/' + form.dataset.visitId + '/window');
          window.location.reload();
        } catch (e) { fail(e); }
      });
    }
  });

  const subscription = document.getElementById('subscription');
  if (subscription) {
    const create = document.getElementById('subscription-create');
    const revoke = document.getElementById('subscription-revoke');
    create.addEventListener('click', async () => {
      if (create.dataset.has === 'true' && !window.confirm(subscription.dataset.regenerateConfirm)) return;
      try {
        const made = await api('POST', '/api/calendar-subscriptions');
        document.getElementById('subscription-url').value = made.url;
        document.getElementById('subscription-url-box').hidden = false;
      } catch (e) { notify(errorText(e), true); }
    });
    if (revoke) {
      revoke.addEventListener('click', async () => {
        try {
          await api('DELETE', '/api/calendar-subscriptions/mine');
          notify(subscription.dataset.revoked, false);
          revoke.hidden = true;
          document.getElementById('subscription-url-box').hidden = true;
        } catch (e) { notify(errorText(e), true); }
      });
    }
  }
})();
