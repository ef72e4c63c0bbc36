"""Property tests of what the chat channels accept: any body gets a verdict, never an exception."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.checks import MAX_MESSAGE, MAX_SENDER, check_body, clean_text

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _storable(text: str) -> bool:
    """What PostgreSQL can store: UTF-8 without NUL."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_get_a_verdict(raw: bytes) -> None:
    verdict = check_body(raw)
    assert isinstance(verdict, dict) or (isinstance(verdict, tuple) and 400 <= verdict[0] < 500)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["sender", "message", "metadata", "other"]), JSON_VALUES))
def test_any_json_object_is_either_refused_or_clean(body: dict) -> None:
    verdict = check_body(json.dumps(body).encode())
    if isinstance(verdict, tuple):
        assert verdict[1]
        return
    assert isinstance(verdict["sender"], str) and 0 < len(verdict["sender"]) <= MAX_SENDER
    assert isinstance(verdict["message"], str) and len(verdict["message"]) <= MAX_MESSAGE
    assert _storable(verdict["sender"]) and _storable(verdict["message"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=200))
def test_cleaned_text_is_storable_and_keeps_printable_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert _storable(cleaned)
    printable = [c for c in text if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF]
    assert all(c in cleaned for c in printable)


def test_the_verdicts_say_what_is_wrong() -> None:
    assert check_body(b'{"message": "hi"}')[1].startswith("'sender' is required")
    assert check_body(b'{"sender": "a", "message": 5}')[1].startswith("'message' is required")
    assert check_body(json.dumps({"sender": "x" * 500, "message": "hi"}).encode())[0] == 400
    assert check_body(json.dumps({"sender": "a", "message": "x" * 5000}).encode())[0] == 413
    assert check_body(b'{"sender": "a", "message": "hi", "metadata": [1]}')[0] == 400
    assert check_body(b'{"sender": "a", "message": "a\\u0000b"}')["message"] == "ab"
