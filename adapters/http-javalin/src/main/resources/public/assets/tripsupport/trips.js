// Trip support pages: forms send JSON to the API and show the 400's field details next to the fields; the chat
// POSTs a message and reads the text/event-stream answer incrementally. No inline script (CSP forbids it).
(function () {
  'use strict';

  const { api, ApiError, failureOf, notify, request } = window.Concierge;

  // Field-level errors ------------------------------------------------------------------------------------
  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach((el) => { el.hidden = true; el.textContent = ''; });
    form.querySelectorAll('.invalid').forEach((el) => el.classList.remove('invalid'));
    const list = form.querySelector('.field-errors');
    if (list) { list.hidden = true; list.textContent = ''; }
  }

  function showErrors(form, error) {
    const general = form.querySelector('[data-error-for=""]');
    if (general) { general.textContent = error.message; general.hidden = false; }
    const list = form.querySelector('.field-errors');
    for (const detail of error.details || []) {
      const slot = form.querySelector('[data-error-for="' + CSS.escape(detail.field) + '"]');
      const input = form.querySelector('[name="' + CSS.escape(detail.field) + '"], [data-error-key="' + CSS.escape(detail.field) + '"]');
      if (input) input.classList.add('invalid');
      if (slot) {
        slot.textContent = detail.message;
        slot.hidden = false;
      } else if (list) {
        const item = document.createElement('li');
        item.textContent = detail.field + ': ' + detail.message;
        list.appendChild(item);
        list.hidden = false;
      }
    }
  }

  // Editors with changes not yet saved: leaving or reloading the page (an approval, an accepted proposal) asks first,
  // so nothing typed is lost by a click elsewhere on the page.
  const unsaved = new Set();
  document.addEventListener('input', (event) => {
    const form = event.target.closest('form');
    if (form && form.id !== 'chat-form' && !('ownSave' in form.dataset)) unsaved.add(form); // data-own-save: approvals.js saves it
  });
  // Before an action that reloads the page (approve, accept a proposal, delete …): the person decides, first.
  function keepsUnsavedEdits() {
    if (unsaved.size === 0) return false;
    const message = tripEl ? tripEl.dataset.unsavedConfirm : '';
    if (message && !window.confirm(message)) return true;
    unsaved.clear();
    return false;
  }

  // Another script's action that reloads the page (approvals.js submitting the trip) asks the same question first.
  document.addEventListener('trip:reloading', (event) => { if (keepsUnsavedEdits()) event.preventDefault(); });

  window.addEventListener('beforeunload', (event) => {
    if (unsaved.size === 0) return;
    event.preventDefault();
    event.returnValue = '';
  });

  async function submitting(form, work) {
    clearErrors(form);
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    const wasUnsaved = unsaved.delete(form); // the save reloads the page: this form is not what it would lose
    try {
      await work();
    } catch (error) {
      if (wasUnsaved) unsaved.add(form);
      if (error instanceof ApiError) showErrors(form, error); else notify(error.message, true);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function list(text) {
    return (text || '').split(/[,、，]/).map((s) => s.trim()).filter((s) => s.length > 0);
  }

  function value(form, name) {
    const field = form.elements.namedItem(name);
    return field ? field.value : '';
  }

  function orNull(text) { return text === '' ? null : text; }

  function integerOrNull(text) { return text === '' ? null : Number(text); }

  function reload(hash) {
    if (hash) history.replaceState(null, '', '#' + hash);
    window.location.reload();
  }

  // Trips ---------------------------------------------------------------------------------------------------
  const tripEl = document.getElementById('trip');
  const tripId = tripEl ? tripEl.dataset.tripId : null;

  function tripBody(form) {
    return {
      title: value(form, 'title'), purpose: value(form, 'purpose'), origin: value(form, 'origin'),
      destinations: list(value(form, 'destinations')),
      startDate: orNull(value(form, 'startDate')), endDate: orNull(value(form, 'endDate')),
    };
  }

  function visitBody(form) {
    const startsAt = value(form, 'startsAt');
    return {
      company: value(form, 'company'), contacts: list(value(form, 'contacts')), location: value(form, 'location'),
      startsAt: startsAt === '' ? null : (startsAt.length === 16 ? startsAt + ':00' : startsAt),
      durationMinutes: integerOrNull(value(form, 'durationMinutes')),
      agenda: value(form, 'agenda'), notes: value(form, 'notes'),
    };
  }

  function rows(container, keyPrefix) {
    const out = [];
    container.querySelectorAll('tr.row').forEach((row, index) => {
      const item = {};
      row.querySelectorAll('[data-field]').forEach((input) => {
        input.dataset.errorKey = keyPrefix + '[' + index + '].' + input.dataset.field;
        const raw = input.value;
        item[input.dataset.field] = 'number' in input.dataset ? integerOrNull(raw) : orNull(raw);
      });
      if (row.dataset.notes) item.notes = row.dataset.notes;
      out.push(item);
    });
    return out;
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (form.dataset.tripForm === 'create') {
      event.preventDefault();
      submitting(form, async () => {
        // The form's token makes the server answer a second submit of this form with the trip it already made.
        const token = form.elements.namedItem('requestToken');
        const trip = await api('POST', '/api/trips', tripBody(form), token ? { 'Idempotency-Key': token.value } : undefined);
        // Post/redirect/get: the filled form must not come back with Back, or a second submit would duplicate the trip.
        form.reset();
        // This page kept alive (Back) is a new form: what is typed into it next is another trip. A copy of the page
        // from the cache still carries the old token, so sending its old values again finds the trip just made.
        if (token) token.defaultValue = token.value = String(Date.now()) + '-' + Math.random().toString(36).slice(2);
        window.location.assign('/trips/' + trip.id);
      });
    } else if (form.id === 'conversation-rename') {
      event.preventDefault();
      submitting(form, async () => {
        await api('PATCH', '/api/conversations/' + form.dataset.conversationId, { title: value(form, 'title') });
        reload('chat');
      });
    } else if (form.dataset.tripForm === 'edit') {
      event.preventDefault();
      submitting(form, async () => {
        await api('PUT', '/api/trips/' + tripId, Object.assign(tripBody(form), { version: Number(tripEl.dataset.version) }));
        reload();
      });
    } else if (form.dataset.visitForm === 'add') {
      event.preventDefault();
      submitting(form, async () => {
        await api('POST', '/api/trips/' + tripId + '/visits', visitBody(form));
        reload('visits');
      });
    } else if (form.dataset.visitForm === 'edit') {
      event.preventDefault();
      submitting(form, async () => {
        const id = form.dataset.visitId;
        await api('PUT', '/api/visits/' + id, Object.assign(visitBody(form), { version: Number(form.dataset.version) }));
        const notes = form.elements.namedItem('preparationNotes');
        if (notes && notes.value !== notes.defaultValue) {
          await api('PUT', '/api/visits/' + id + '/preparation-notes', { notes: notes.value });
        }
        reload('visits');
      });
    } else if (form.id === 'itinerary-form') {
      event.preventDefault();
      submitting(form, async () => {
        await api('PUT', '/api/trips/' + tripId + '/itinerary', { items: rows(form.querySelector('#itinerary-rows'), 'items') });
        reload('itinerary');
      });
    } else if (form.id === 'plan-form') {
      event.preventDefault();
      submitting(form, async () => {
        const section = (name) => rows(form.querySelector('[data-plan-section="' + name + '"]'), name);
        await api('PUT', '/api/trips/' + tripId + '/expense-plan',
          { transport: section('transport'), lodging: section('lodging'), other: section('other') });
        reload('expenses');
      });
    } else if (form.id === 'chat-form') {
      event.preventDefault();
      sendChat(form);
    }
  });

  document.addEventListener('click', (event) => {
    const target = event.target.closest('button');
    if (!target) return;
    if (target.dataset.confirm && !window.confirm(target.dataset.confirm)) { event.preventDefault(); return; }
    const reloads = ['tripAction', 'tripDelete', 'visitDelete', 'proposal', 'chatNew', 'conversationDelete'].some((key) => key in target.dataset);
    if (reloads && keepsUnsavedEdits()) { event.preventDefault(); return; }
    if (target.dataset.tripAction) {
      target.disabled = true;
      api('POST', '/api/trips/' + tripId + '/' + target.dataset.tripAction, { version: Number(tripEl.dataset.version) })
        .then(() => reload())
        .catch((error) => { notify(error.message, true); target.disabled = false; });
    } else if ('tripDelete' in target.dataset) {
      target.disabled = true;
      api('DELETE', '/api/trips/' + tripId)
        .then(() => {
          sessionStorage.setItem('trips.notice', tripEl.dataset.deletedNotice);
          sessionStorage.setItem('trips.deleted', tripId); // the list offers to undo it
          window.location.replace('/trips');
        })
        .catch((error) => { notify(error.message, true); target.disabled = false; });
    } else if (target.dataset.conversationDelete) {
      target.disabled = true;
      api('DELETE', '/api/conversations/' + target.dataset.conversationDelete)
        .then(() => window.location.replace('/trips/' + tripId + '#chat'))
        .catch((error) => { notify(error.message, true); target.disabled = false; });
    } else if (target.dataset.visitDelete) {
      api('DELETE', '/api/visits/' + target.dataset.visitDelete).then(() => reload('visits'))
        .catch((error) => notify(error.message, true));
    } else if ('addRow' in target.dataset) {
      if (target.closest('form')) unsaved.add(target.closest('form'));
      const name = target.dataset.addRow;
      const template = name === 'itinerary' ? document.getElementById('itinerary-row-template')
        : document.querySelector('template[data-row-template="' + name + '"]');
      const body = name === 'itinerary' ? document.querySelector('#itinerary-rows tbody.new-rows')
        : document.querySelector('[data-plan-section="' + name + '"] tbody');
      body.appendChild(template.content.cloneNode(true));
      const last = body.lastElementChild;
      const first = last && last.querySelector('input');
      if (first) first.focus();
    } else if ('draftItinerary' in target.dataset) {
      drafting(target, '/api/trips/' + tripId + '/itinerary/draft', (draft) => {
        showDraftItinerary(draft.items);
        showItineraryCheck(draft.check);
        notify(target.dataset.done);
      });
    } else if (target.dataset.draftNotes) {
      const notes = target.closest('form').elements.namedItem('preparationNotes');
      drafting(target, '/api/visits/' + target.dataset.draftNotes + '/preparation-notes/draft', (draft) => {
        unsaved.add(notes.form);
        notes.value = draft.notes;
        notes.focus();
      });
    } else if ('removeRow' in target.dataset) {
      if (target.closest('form')) unsaved.add(target.closest('form'));
      const row = target.closest('tr');
      if (row) row.remove();
    } else if (target.dataset.proposal) {
      target.disabled = true;
      api('POST', '/api/proposals/' + target.dataset.id + '/' + target.dataset.proposal)
        .then(() => reload('chat'))
        .catch((error) => { notify(error.message, true); target.disabled = false; });
    } else if ('chatNew' in target.dataset) {
      api('POST', '/api/trips/' + tripId + '/conversations', {})
        .then((c) => window.location.assign('/trips/' + tripId + '?conversation=' + c.id + '#chat'))
        .catch((error) => notify(error.message, true));
    }
  });

  // A page restored by Back shows no stale form values (the trip was created already) and says what was just done.
  window.addEventListener('pageshow', () => {
    const create = document.getElementById('trip-create');
    if (create) create.reset();
  });
  const pending = sessionStorage.getItem('trips.notice');
  const notice = document.getElementById('notice');
  if (pending && notice) {
    const deleted = sessionStorage.getItem('trips.deleted');
    sessionStorage.removeItem('trips.notice');
    sessionStorage.removeItem('trips.deleted');
    // A deletion can be undone: the trip comes back as it was and opens again.
    const undo = deleted && notice.dataset.undo ? {
      label: notice.dataset.undo,
      run: () => api('POST', '/api/trips/' + encodeURIComponent(deleted) + '/restore')
        .then((trip) => window.location.assign('/trips/' + trip.id))
        .catch((error) => notify(error.message, true)),
    } : undefined;
    notify(pending, false, undo);
  }

  // Drafts: the assistant writes, the editor shows it, nothing is saved until the user saves the form. -------------
  function drafting(button, url, show) {
    button.disabled = true;
    notify(button.dataset.busy);
    api('POST', url + '?lang=' + encodeURIComponent(document.documentElement.lang || 'en'))
      .then(show)
      .catch((error) => notify(error.message, true))
      .finally(() => { button.disabled = false; });
  }

  function showDraftItinerary(items) {
    unsaved.add(document.getElementById('itinerary-form')); // a draft is kept only once saved
    const table = document.getElementById('itinerary-rows');
    table.querySelectorAll('tr.row').forEach((row) => row.remove());
    const empty = document.querySelector('#itinerary .empty');
    if (empty) empty.hidden = true;
    const body = table.querySelector('tbody.new-rows');
    const template = document.getElementById('itinerary-row-template');
    for (const item of items) {
      body.appendChild(template.content.cloneNode(true));
      const row = body.lastElementChild;
      for (const field of ['date', 'start', 'end', 'kind', 'title', 'place']) {
        row.querySelector('[data-field="' + field + '"]').value = item[field] || '';
      }
      row.dataset.notes = item.notes || '';
    }
  }

  // What the itinerary rules found, each rule broken by name: in a draft after the assistant's repairs, or in the
  // person's saved itinerary (warnings, shown the same way). A violation's item indexes the rows in time order.
  function showItineraryCheck(check) {
    const box = document.getElementById('itinerary-check');
    if (!box || !check) return;
    box.querySelector('.summary').textContent = check.summary;
    const list = box.querySelector('ul.violations');
    list.replaceChildren();
    const rows = document.querySelectorAll('#itinerary-rows tr.row');
    rows.forEach((row) => { row.classList.remove('violating'); row.removeAttribute('title'); });
    for (const violation of check.violations) {
      const item = document.createElement('li');
      item.dataset.rule = violation.rule;
      const name = document.createElement('strong');
      name.textContent = violation.ruleName + ': ';
      item.append(name, violation.message);
      list.appendChild(item);
      const row = violation.item === null || violation.item === undefined ? null : rows[violation.item];
      if (row) { row.classList.add('violating'); row.title = violation.message; }
    }
    box.classList.toggle('passed', check.passed);
    box.hidden = false;
  }

  // The saved itinerary's warnings on load: the rules are judged when read, so they follow visits moved since.
  if (tripId && document.querySelector('#itinerary-rows tbody.day tr.row')) {
    api('GET', '/api/trips/' + tripId + '/itinerary?lang=' + encodeURIComponent(document.documentElement.lang || 'en'))
      .then((itinerary) => {
        // Rows added or a draft shown meanwhile are not what was checked.
        if (document.querySelector('#itinerary-rows tbody.new-rows tr.row')) return;
        showItineraryCheck(itinerary.check);
      })
      .catch((error) => notify(error.message, true));
  }

  // Chat ----------------------------------------------------------------------------------------------------
  function addMessage(kind, text) {
    const item = document.createElement('li');
    item.className = 'message ' + kind;
    item.textContent = text;
    document.getElementById('messages').appendChild(item);
    item.scrollIntoView({ block: 'nearest' });
    return item;
  }

  // Splits an SSE body into events as bytes arrive; an event ends at a blank line.
  async function readEvents(response, onEvent) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value: chunk, done } = await reader.read();
      if (done) break;
      buffer += chunk.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
      }
    }
  }

  // The server renders each proposal with exactly what it would change; the page swaps the list in.
  async function loadProposals(conversationId) {
    const response = await fetch('/trips/' + tripId + '/proposals?conversation=' + conversationId, { credentials: 'same-origin' });
    if (!response.ok) return;
    const holder = document.createElement('div');
    holder.innerHTML = await response.text();
    const fresh = holder.querySelector('#proposals');
    if (fresh) document.getElementById('proposals').replaceWith(fresh);
  }

  // The chat opens at its newest message; Enter sends, Shift+Enter (or an IME composing) keeps typing.
  const chatForm = document.getElementById('chat-form');
  const messagesEl = document.getElementById('messages');
  if (messagesEl) messagesEl.scrollTop = messagesEl.scrollHeight;
  if (chatForm) {
    const textarea = chatForm.elements.namedItem('text');
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        chatForm.requestSubmit();
      }
    });
    textarea.addEventListener('input', () => countChat(chatForm));
    countChat(chatForm);
  }

  // Characters as the server counts them (code points); above the limit the form says by how much and will not send.
  function countChat(form) {
    const max = Number(form.dataset.maxLength);
    const length = Array.from(form.elements.namedItem('text').value.trim()).length;
    const counter = document.getElementById('chat-count');
    const over = length - max;
    counter.textContent = length.toLocaleString('en-US') + ' / ' + max.toLocaleString('en-US');
    counter.classList.toggle('over', over > 0);
    const slot = form.querySelector('[data-error-for="text"]');
    slot.hidden = over <= 0;
    slot.textContent = over > 0 ? counter.dataset.over.replace('{0}', over.toLocaleString('en-US')) : '';
    return over <= 0;
  }

  async function sendChat(form) {
    const chat = document.getElementById('chat');
    const textarea = form.elements.namedItem('text');
    const text = textarea.value.trim();
    clearErrors(form);
    if (text === '') {
      const slot = form.querySelector('[data-error-for="text"]');
      slot.textContent = document.getElementById('chat-count').dataset.empty;
      slot.hidden = false;
      textarea.focus();
      return;
    }
    if (!countChat(form)) return;
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    let answer = null;
    try {
      let conversationId = Number(chat.dataset.conversationId);
      if (!conversationId) {
        const created = await api('POST', '/api/trips/' + tripId + '/conversations', { title: text.slice(0, 60) });
        conversationId = created.id;
        chat.dataset.conversationId = String(conversationId);
        const link = document.createElement('a');
        link.href = '/trips/' + tripId + '?conversation=' + conversationId + '#chat';
        link.className = 'active';
        link.textContent = created.title;
        const newButton = chat.querySelector('[data-chat-new]');
        newButton.parentNode.insertBefore(link, newButton);
      }
      const response = await request('/api/conversations/' + conversationId + '/messages', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ text }),
      });
      if (!response.ok) throw await failureOf(response);
      addMessage('user', text);
      textarea.value = '';
      countChat(form);
      answer = addMessage('assistant streaming', '');
      answer.dataset.placeholder = chat.dataset.thinking;
      let proposalsChanged = false;
      let finished = false;
      await readEvents(response, (name, data) => {
        if (name === 'token') {
          answer.textContent += data.text;
        } else if (name === 'tool') {
          const note = document.createElement('li');
          note.className = 'message tool';
          note.textContent = data.summary || data.outcome;
          answer.before(note);
        } else if (name === 'proposal') {
          proposalsChanged = true;
        } else if (name === 'done') {
          if (data.text && answer.textContent.trim() === '') answer.textContent = data.text; // a non-streamed answer
          finished = true;
        } else if (name === 'error') {
          const failure = addMessage('error', data.message);
          failure.setAttribute('role', 'alert');
          // The turn was not kept: the message goes back into the box, ready to send again.
          if (textarea.value === '') { textarea.value = text; countChat(form); }
          finished = true;
        }
      });
      if (!finished) addMessage('error', chat.dataset.closedLabel);
      if (proposalsChanged) await loadProposals(conversationId);
    } catch (error) {
      if (error instanceof ApiError) showErrors(form, error); else notify(error.message, true);
    } finally {
      if (answer) {
        answer.classList.remove('streaming');
        if (answer.textContent === '') answer.remove();
      }
      button.disabled = false;
    }
  }
})();
