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
 *
 * It also makes form-js's own checks speak Danish: form-js 1.8.7 writes its validation messages in
 * English, without translation hooks ("Field is required.", "Field must match pattern ^\d{1,2}...").
 * Each such message is replaced, where form-js puts it, by a Danish one that says what to write; a
 * pattern is named by what it asks for (a date dd-mm-åååå, a web address), never shown as a regex.
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

// --- form-js's client-side validation messages, in Danish ---

/** What a field's pattern asks for, in words (the forms use a Danish date and a web address). */
function patternMessage(pattern) {
  if (/\\d\{4\}/.test(pattern)) {
    return 'Skriv datoen som dd-mm-åååå, fx 03-11-2026.';
  }
  if (/https\?:/.test(pattern)) {
    return 'Skriv en webadresse, der begynder med https:// eller http://.';
  }
  return 'Feltet har ikke det rigtige format.';
}

/** form-js 1.8.7's messages (its Validator) and their Danish wording. */
const ENGLISH = [
  [/^Field must match pattern (.*)\.$/s, m => patternMessage(m[1])],
  [/^Field is required\.$/, () => 'Feltet skal udfyldes.'],
  [/^Field must have minimum value of (.*)\.$/, m => `Værdien skal være mindst ${m[1]}.`],
  [/^Field must have maximum value of (.*)\.$/, m => `Værdien må højst være ${m[1]}.`],
  [/^Field must have minimum length of (.*)\.$/, m => `Skriv mindst ${m[1]} tegn.`],
  [/^Field must have maximum length of (.*)\.$/, m => `Skriv højst ${m[1]} tegn.`],
  [/^Field must be a valid\s+international phone number/, () => 'Skriv et gyldigt internationalt telefonnummer, fx +4533123456.'],
  [/^Field must be a valid email\.$/, () => 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.'],
];

function danish(text) {
  const trimmed = text.trim();
  for (const [english, wording] of ENGLISH) {
    const match = english.exec(trimmed);
    if (match) {
      return wording(match);
    }
  }
  return null;
}

/** Rewrites every English message in form-js's error lists; Danish text is left as it is. */
function translateFieldErrors() {
  document.querySelectorAll('.fjs-form-field-error').forEach(list => {
    const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const replacement = danish(node.data);
      if (replacement !== null) {
        node.data = replacement;
      }
    }
  });
}

// A mutation observer's callback runs before the browser paints: the English text is never seen.
// Rewriting a text node triggers it once more, which then finds nothing English.
new MutationObserver(translateFieldErrors).observe(document.documentElement,
  { childList: true, subtree: true, characterData: true });
