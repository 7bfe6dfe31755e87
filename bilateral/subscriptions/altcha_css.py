"""The ALTCHA widget's stylesheet as a static file, so the Content-Security-Policy needs no 'unsafe-inline'.

The vendored widget (altcha_django/altcha.min.js) injects its CSS as an inline <style id="altcha-css">
unless an element with that id is already in the document. The subscription form therefore links
subscriptions/altcha.css with that id, and this module extracts the file from the vendored script.
After upgrading altcha-django, regenerate it with `python -m bilateral.subscriptions.altcha_css`
(tests/security/test_headers.py fails while the two differ).
"""

from pathlib import Path

import altcha_django

VENDORED_JS = Path(altcha_django.__file__).parent / "static" / "altcha_django" / "altcha.min.js"
STATIC_CSS = Path(__file__).parent / "static" / "subscriptions" / "altcha.css"
# The injecting function ends here; its argument, a single-quoted string literal, is the CSS.
INJECTION_END = "document.head.appendChild(n)}}("
ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}


def embedded_css(script=None):
    script = VENDORED_JS.read_text(encoding="utf-8") if script is None else script
    start = script.index(INJECTION_END) + len(INJECTION_END)
    if script[start] != "'":
        raise ValueError("the ALTCHA script no longer injects a single-quoted stylesheet")
    css, position = [], start + 1
    while script[position] != "'":
        if script[position] == "\\":
            css.append(ESCAPES[script[position + 1]])
            position += 2
        else:
            css.append(script[position])
            position += 1
    return "".join(css)


if __name__ == "__main__":
    STATIC_CSS.write_text(embedded_css(), encoding="utf-8")
    print(f"wrote {STATIC_CSS}")
