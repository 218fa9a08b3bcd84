/*
 * OS2 governance: a server refusal of a Tasklist form shows at the field it concerns.
 *
 * Tasklist shows the server's refusal of a start or task form only as a notice at the top of the
 * page, far above the field at fault in a long form. This script reads the same refusal (Camunda's
 * error shape {type, message, errors}) and puts each message next to its field, in form-js's own
 * error style, then brings the first into view. A message belongs to the field whose label it names
 * in «guillemets» (how the server names a field), or to the field holding the value it quotes
 * ('...'). Messages that concern no single field stay in the notice only. Loaded by config.js as a
 * custom script; it changes nothing Tasklist sends.
 */
const SUBMIT = /\/submit-form(\?|$)/;
const MARK = 'os2-server-error';

function refused(url, status, text) {
  if (status < 400 || !SUBMIT.test(String(url))) {
    return;
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return;
  }
  const messages = Array.isArray(body.errors) && body.errors.length ? body.errors : [body.message];
  // Tasklist re-renders nothing of the form on a refusal; wait for its notice to settle anyway.
  setTimeout(() => showAtFields(messages.filter(Boolean)), 50);
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.addEventListener('load', () => refused(url, this.status, this.responseText));
  return open.call(this, method, url, ...rest);
};
if (window.fetch) {
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    return originalFetch.call(this, input, init).then(response => {
      const url = typeof input === 'string' ? input : input && input.url;
      if (response.status >= 400 && SUBMIT.test(String(url))) {
        response.clone().text().then(text => refused(url, response.status, text)).catch(() => {});
      }
      return response;
    });
  };
}

function labelText(field) {
  const label = field.querySelector('.fjs-form-field-label');
  if (!label) {
    return null;
  }
  const copy = label.cloneNode(true);
  copy.querySelectorAll('.fjs-asterix').forEach(a => a.remove());
  return copy.textContent.replace(/\s+/g, ' ').trim();
}

function fieldFor(message, fields) {
  const named = /«([^»]+)»/.exec(message);
  if (named) {
    const field = fields.find(f => labelText(f) === named[1].trim());
    if (field) {
      return field;
    }
  }
  const quoted = /'([^']+)'/g;
  for (let match = quoted.exec(message); match; match = quoted.exec(message)) {
    const value = match[1].trim();
    const field = fields.find(f => Array.from(f.querySelectorAll('input, textarea'))
      .some(input => input.type !== 'radio' && input.type !== 'checkbox' && input.value.trim() === value));
    if (field) {
      return field;
    }
  }
  return null;
}

function showAtFields(messages) {
  const forms = document.querySelectorAll('.fjs-form');
  const form = forms[forms.length - 1];
  if (!form) {
    return;
  }
  form.querySelectorAll('.' + MARK).forEach(e => e.remove());
  const fields = Array.from(form.querySelectorAll('.fjs-form-field'))
    .filter(f => f.querySelector('input, textarea, select'));
  let first = null;
  messages.forEach(message => {
    const field = fieldFor(message, fields);
    if (!field) {
      return;
    }
    const error = document.createElement('div');
    error.className = 'fjs-form-field-error ' + MARK;
    error.setAttribute('role', 'alert');
    error.textContent = message;
    field.appendChild(error);
    field.classList.add('fjs-has-errors');
    // The message goes when the user changes the field.
    field.addEventListener('input', () => {
      error.remove();
      field.classList.remove('fjs-has-errors');
    }, { once: true });
    first = first || field;
  });
  if (first) {
    first.scrollIntoView({ block: 'center' });
    const input = first.querySelector('input, textarea');
    if (input) {
      input.focus({ preventScroll: true });
    }
  }
}
