// GOV.UK error summary pattern: after a failed submission, move focus to the list of problems.
const summary = document.querySelector("[data-error-summary]");
if (summary) summary.focus();

// The footer form of public pages comes without a CSRF token: those pages are cached and shared,
// so the token (and its cookie) is fetched from an uncached address when the reader starts using
// the form, and at the latest when it is sent.
const TOKEN_FIELD = "csrfmiddlewaretoken";

function hasToken(form) {
  return Boolean(form.querySelector(`input[name="${TOKEN_FIELD}"]`));
}

async function fetchToken(form) {
  const response = await fetch(form.dataset.csrfTokenUrl, {
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new Error(`CSRF token: HTTP ${response.status}`);
  const { csrfToken } = await response.json();
  if (!hasToken(form)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = TOKEN_FIELD;
    input.value = csrfToken;
    form.prepend(input);
  }
}

function tokenOnDemand(form) {
  let pending = null;
  let givenUp = false;
  const ensureToken = () => {
    if (hasToken(form)) return Promise.resolve();
    // A failed fetch is tried again on the next focus or submission.
    pending ??= fetchToken(form).finally(() => { pending = null; });
    return pending;
  };
  form.addEventListener("focusin", () => { ensureToken().catch(() => {}); });
  // Without a token the submission waits for one and is then requested again, with the same button.
  // If the captcha widget already held it back (it solves its challenge, then sends the form again
  // itself), only the token is fetched meanwhile.
  form.addEventListener("submit", (event) => {
    if (hasToken(form) || givenUp) return;
    if (event.defaultPrevented) {
      ensureToken().catch(() => {});
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    // If the token cannot be fetched, the form is sent anyway: the server answers with its
    // plain-language "send the form again" page rather than nothing happening.
    ensureToken()
      .catch(() => { givenUp = true; })
      .then(() => form.requestSubmit(event.submitter));
  }, true);
}

for (const form of document.querySelectorAll("form[data-csrf-token-url]")) tokenOnDemand(form);
