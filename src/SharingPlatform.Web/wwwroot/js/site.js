// Moves keyboard and screen-reader focus to the error summary when a form comes back with errors.
(function () {
    'use strict';
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
})();
