// "Udskriv" links: the pages' content-security policy allows scripts from the application only,
// so the print action is bound here instead of in a javascript: address.
document.addEventListener('click', function (event) {
  var link = event.target.closest('[data-print]');
  if (link) {
    event.preventDefault();
    window.print();
  }
});
