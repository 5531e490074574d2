/* global window */
// Opened without office.js (a plain file or a failed load): functions.js then registers nothing
// instead of throwing. A file of its own because the page's Content-Security-Policy allows no
// inline script.
window.CustomFunctions = window.CustomFunctions || { associate: function () {} };
