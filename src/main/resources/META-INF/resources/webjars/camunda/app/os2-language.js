/*
 * OS2 governance: the language and name the four Camunda webapps (Tasklist, Cockpit, Admin, the
 * welcome page) show; each app's scripts/config.js imports this module.
 *
 * Camunda 7.24 has no language menu: it shows the browser's first language when that is among
 * `locales.availableLocales`, else `locales.fallbackLocale`. Listing only the chosen language makes
 * an English browser see Danish too. Danish unless this browser chose English: add `?sprog=en` to a
 * webapp's address (for example /camunda/app/tasklist/default/?sprog=en), `?sprog=da` for Danish
 * again. The choice is kept in this browser (localStorage) for all four webapps.
 */
const KEY = 'os2.sprog';
const LANGUAGES = ['da', 'en'];

function chosenLanguage() {
  const asked = new URLSearchParams(window.location.search).get('sprog');
  try {
    if (LANGUAGES.includes(asked)) {
      window.localStorage.setItem(KEY, asked);
      return asked;
    }
    const kept = window.localStorage.getItem(KEY);
    return LANGUAGES.includes(kept) ? kept : 'da';
  } catch (e) {
    // No localStorage (a locked-down browser): the address alone decides, for this page.
    return LANGUAGES.includes(asked) ? asked : 'da';
  }
}

export const language = chosenLanguage();
document.documentElement.lang = language;

export const locales = {availableLocales: [language], fallbackLocale: language};

/** The header reads "<vendor> <name>", so the vendor is the product's name and the name the app's. */
export function app(name) {
  return {vendor: 'OS2 governance', name: name};
}
