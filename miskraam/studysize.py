"""A record's study: how many studies, of which design, with how many women.

A figure from a review is "19,1% in tien prospectieve studies met 912 vrouwen". When a new
study replaces the record, those details change with the figure, so they are fields of the
record (`studies`, `design`, `participants`), rendered by `{fact}`id <studie>``, and a
`meaning` that states a study size must state these fields (checked on load, facts.py).
"""

from __future__ import annotations

import re

from .dutch import DUTCH

#: the number words a study count is written in ("tien studies"); larger counts in digits
_WORDS = {value: word for word, value in DUTCH.items() if value <= 20}
_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+|" + "|".join(DUTCH)
#: "10 prospectieve studies", "zeven gerandomiseerde studies", "7 studies": a count of
#: studies, with at most one word for their design between
STUDY_COUNT = re.compile(rf"(?<![\w.,])(?P<n>{_NUMBER})\s+(?:[a-z]+e\s+)?(?:studies|trials)\b",
                         re.IGNORECASE)
#: the women in those studies, right after the count: "studies (912 vrouwen", "studies met
#: samen 46.313 vrouwen", "studies (1.735 vrouwen met ...)"
PARTICIPANTS = re.compile(rf"(?:studies|trials)\s*(?:\(|met\s+(?:samen\s+)?)"
                          rf"(?P<n>{_NUMBER})\s+vrouwen\b", re.IGNORECASE)


def read(number: str) -> int:
    """A count as the course writes it: a word, '912' or '46.313' (a thousands dot)."""
    return DUTCH.get(number.lower()) or int(number.replace(".", ""))


def spell(number: int) -> str:
    """A count of studies in words up to twenty ("tien"), of women with a thousands dot."""
    if number in _WORDS:
        return _WORDS[number]
    return f"{number:,}".replace(",", ".")


def text(studies: int, design: str | None, participants: int | None) -> str:
    """'tien prospectieve studies met 912 vrouwen', 'één studie'."""
    noun = "studie" if studies == 1 else "studies"
    said = " ".join(part for part in (spell(studies), design, noun) if part)
    if participants:
        said += f" met {participants:,} vrouwen".replace(",", ".")
    return said


def check_fields(raw: dict, where: str, error: type[Exception]) -> None:
    """The fields' shapes: whole positive counts, a design in words, and a count of studies
    whenever a design or a number of women is given."""
    for field in ("studies", "participants"):
        if field in raw:
            number = raw[field]
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise error(f"{where}, veld '{field}': '{number}' is geen heel aantal "
                            "(1 of meer)")
    if "design" in raw and (not isinstance(raw["design"], str) or not raw["design"].strip()
                            or not re.fullmatch(r"[a-zé -]+", raw["design"])):
        raise error(f"{where}, veld 'design': schrijf de opzet als bijvoeglijk naamwoord in "
                    f"kleine letters ('prospectieve', 'gerandomiseerde'), niet "
                    f"'{raw['design']}'")
    for field in ("design", "participants"):
        if field in raw and "studies" not in raw:
            raise error(f"{where}, veld 'studies': ontbreekt (nodig bij '{field}')")


def check_meaning(meaning: str, studies: int | None, participants: int | None, where: str,
                  error: type[Exception]) -> None:
    """A study size in the meaning is the record's: the count of studies is `studies` (or,
    for a record that counts studies, its value), the women counted with them
    `participants`."""
    field = f"{where}, veld 'meaning'"
    for match in STUDY_COUNT.finditer(meaning):
        said = read(match["n"])
        if studies is None:
            raise error(f"{field}: noemt '{match[0]}'; zet het aantal in veld 'studies' "
                        f"({said}) zodat een nieuwe studie het op één plek verandert")
        if said != studies:
            raise error(f"{field}: '{match[0]}' past niet bij veld 'studies' ({studies})")
    for match in PARTICIPANTS.finditer(meaning):
        said = read(match["n"])
        if participants is None:
            raise error(f"{field}: noemt {match['n']} vrouwen; zet dat aantal in veld "
                        f"'participants' ({said})")
        if said != participants:
            raise error(f"{field}: {match['n']} vrouwen past niet bij veld 'participants' "
                        f"({participants})")
