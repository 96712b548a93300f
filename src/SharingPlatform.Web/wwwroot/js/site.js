// Moves keyboard and screen-reader focus to the error summary when a form comes back with errors.
(function () {
    'use strict';
    var summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
})();

// A form that cannot be undone asks first: <form data-confirm="…">. Without script it simply submits.
(function () {
    'use strict';
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (!window.confirm(form.getAttribute('data-confirm'))) {
                event.preventDefault();
            }
        });
    });
})();
