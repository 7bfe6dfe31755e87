// GOV.UK error summary pattern: after a failed submission, move focus to the list of problems.
const summary = document.querySelector("[data-error-summary]");
if (summary) summary.focus();
