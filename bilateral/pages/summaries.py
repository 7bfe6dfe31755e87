"""A page's one-line summary where its editors wrote none: the first sentence of its text."""

import re

SUMMARY_LENGTH = 200
# A sentence ends at a full stop followed by a capital: "1991 m. gruodžio 30 d. Toliau…" ends after "d."
# (Lithuanian abbreviations such as "m." and "d." are followed by small letters or digits).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĄČĘĖĮŠŲŪŽ])")


def first_sentence(text):
    sentence = SENTENCE_END.split(text.strip(), 1)[0].strip()
    if len(sentence) > SUMMARY_LENGTH:
        sentence = sentence[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
    elif sentence and not sentence.endswith((".", "!", "?", "…")):
        sentence += "."
    return sentence
