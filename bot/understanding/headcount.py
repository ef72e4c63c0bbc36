"""Read a head count from what an owner types: "12", "a dozen", "8-10 people".

Size is the one answer that is a number rather than a category, and owners
give it in many shapes: digits, number words ("forty odd"), ranges, "just
me", "me and two apprentices", "counting part-timers". A classifier cannot
learn arithmetic, so numbers are read here and mapped to the knowledge
base's size bands; the classifier handles the phrases without numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Mapping, Optional, Sequence

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "a couple": 2, "couple": 2, "a few": 3, "a handful": 5, "handful": 5,
    "a dozen": 12, "dozen": 12, "half a dozen": 6,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000}
#: words that make a bare number a head count when size was not asked
PEOPLE = (r"(people|persons?|staff|employees?|workers?|colleagues|ftes?|heads?|"
          r"of us|team members?|members of staff|emplyees|employes|ppl|folks|guys|hands)")
SOLO = re.compile(r"\b(just|only) (me|myself|us two)\b|\bone[- ](man|woman|person) (band|show|business)\b|"
                  r"\b(sole trader|self[- ]employed|freelancer|by myself|on my own)\b", re.I)
ME_AND = re.compile(r"\bme and (my )?(\w+)", re.I)
NUMBER_WORD = "|".join(sorted(map(re.escape, list(UNITS) + list(TENS) + list(SCALES)), key=len, reverse=True))
TOKEN = re.compile(rf"\d+(?:[,.]\d+)*|\b(?:{NUMBER_WORD})\b(?:[- ](?:and )?(?:{NUMBER_WORD})\b)*", re.I)


@dataclass(frozen=True)
class HeadCount:
    """A head count and where in the text it was read."""

    count: int
    start: int
    end: int


def words_to_number(phrase: str) -> Optional[int]:
    """The value of "forty two", "two hundred", "a dozen"; None if not a number."""
    phrase = phrase.lower().replace("-", " ").replace(" and ", " ").strip()
    if phrase in UNITS:
        return UNITS[phrase]
    total, current = 0, 0
    for word in phrase.split():
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        elif word not in ("a", "an"):
            return None
    return total + current


def _value(token: str) -> Optional[int]:
    if token[0].isdigit():
        digits = token.replace(",", "").rstrip(".")
        if "." in digits:
            digits = digits.split(".")[0]
        return int(digits) if digits.isdigit() else None
    return words_to_number(token)


def numbers_in(text: str) -> List[HeadCount]:
    """Every number in ``text`` with its position, in order."""
    found = []
    for match in TOKEN.finditer(text):
        value = _value(match.group(0))
        if value is not None:
            found.append(HeadCount(value, match.start(), match.end()))
    return found


def head_count(text: str, asked: bool) -> Optional[HeadCount]:
    """The head count ``text`` states, or None.

    When the size question was asked, a bare number is a head count ("12",
    "between 8 and 10"); otherwise a number counts only next to a word for
    people ("12 staff", "a team of 12", "we are 12").
    """
    solo = SOLO.search(text)
    if solo:
        return HeadCount(1, solo.start(), solo.end())
    together = _me_and(text)
    if together is not None:
        return together
    counts = [count for count in numbers_in(text) if not _is_year(text, count)]
    if not counts or not (asked or any(_names_people(text, count) for count in counts)):
        return None
    return _bounded(text, _combine(text, counts))


def _bounded(text: str, count: HeadCount) -> HeadCount:
    """"under 10" is at most 9, "over 250" at least 251."""
    before = text[max(0, count.start - 14):count.start].lower()
    if re.search(r"\b(under|below|fewer than|less than|not even)\s*$", before):
        return HeadCount(max(count.count - 1, 1), count.start, count.end)
    if re.search(r"\b(over|above|more than)\s*$", before):
        return HeadCount(count.count + 1, count.start, count.end)
    return count


def _is_year(text: str, count: HeadCount) -> bool:
    """"since 1998", "in 2015": a year, not a head count."""
    return 1900 <= count.count <= 2100 and not _names_people(text, count)


#: words just before a number that make it a head count ("a team of 12", "we employ about 30")
COUNT_BEFORE = re.compile(
    r"\b(team of|staff of|we are|we're|were|there are|employ|employs|headcount( of| is)?)"
    r"\s*(about |around |roughly )?$", re.I)


def _names_people(text: str, count: HeadCount) -> bool:
    after = text[count.end:count.end + 30]
    before = text[max(0, count.start - 25):count.start]
    return bool(re.match(rf"\s*([a-z]+[- ]?){{0,2}}?{PEOPLE}\b", after, re.I) or COUNT_BEFORE.search(before))


def _me_and(text: str) -> Optional[HeadCount]:
    """"me and two apprentices": the owner plus the others named."""
    match = ME_AND.search(text)
    if not match:
        return None
    others = numbers_in(text[match.start():match.end() + 15])
    extra = others[0].count if others else 1
    return HeadCount(1 + extra, match.start(), match.end())


def _combine(text: str, counts: Sequence[HeadCount]) -> HeadCount:
    """One figure from several: a range gives its middle, parts add up.

    "8-10" and "between 40 and 50" are ranges; "12 full time and 4 part
    time" adds up to 16, as EU head counts include part-timers.
    """
    first = counts[0]
    if len(counts) >= 2:
        second = counts[1]
        between = text[first.end:second.start].lower()
        if re.fullmatch(r"\s*(-|–|to|or|and)\s*", between) and second.count > first.count:
            if re.search(r"(full|part)", text[second.end:second.end + 20], re.I) is None:
                return HeadCount((first.count + second.count) // 2, first.start, second.end)
        if re.search(r"part[- ]?tim", text, re.I) and len(counts) == 2:
            return HeadCount(first.count + second.count, first.start, second.end)
    return first


def size_band(count: int, bands: Iterable[Mapping[str, object]]) -> Optional[str]:
    """The id of the size band (``{"id", "min", "max"}``) a head count falls in."""
    for band in bands:
        upper = band["max"]
        if count >= int(str(band["min"])) and (upper is None or count <= int(str(upper))):
            return str(band["id"])
    return None
