"""Messages in other languages are recognised; English with foreign names stays English."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.conversation.turns import Message as Said
from bot.diagnosis.turn import decide
from bot.language import SORRY_ENGLISH_ONLY, english_only_reply, other_language
from bot.nlu.other_language import OtherLanguageClassifier

#: an owner introducing the firm, in each language (ISO code, message)
FOREIGN = [
    ("de", "Wir sind eine Bäckerei mit 12 Mitarbeitern"),
    ("fr", "Bonjour, nous sommes une PME de 20 personnes"),
    ("es", "Somos una panadería familiar con doce empleados"),
    ("it", "Siamo una piccola azienda di mobili vicino a Bologna"),
    ("pt", "Somos uma pequena empresa de calçado no Porto"),
    ("nl", "Wij zijn een bakkerij met tien mensen in Utrecht"),
    ("pl", "Jesteśmy małą firmą meblarską z Krakowa"),
    ("sv", "Vi är ett litet snickeri med åtta anställda"),
    ("da", "Vi er en lille virksomhed i Aarhus med ti ansatte"),
    ("fi", "Olemme pieni leipomo Tampereella"),
    ("cs", "Jsme malá rodinná firma z Brna"),
    ("ro", "Suntem o firmă mică de mobilă din Cluj"),
    ("hu", "Kis családi cég vagyunk Budapesten"),
    ("el", "Είμαστε μια μικρή οικογενειακή εταιρεία"),
    ("tr", "Küçük bir aile şirketiyiz ve yeni ürünler istiyoruz"),
    ("ru", "Мы небольшая семейная пекарня в Казани"),
    ("zh", "我们是一家有二十名员工的小公司"),
]

#: English messages that carry foreign names, words or places
ENGLISH = [
    "We work with Müller GmbH on a new kind of bread",
    "our partner is Boulangerie Dupont in Lyon",
    "we are a small firm called Società Bella",
    "We sell Schwarzwälder Kirschtorte to cafés in Köln",
    "my firm, Industrias Pérez, makes furniture",
    "we export smørrebrød kits to Copenhagen and Malmö",
    "I run a café-pâtisserie with 12 people",
    "we bake bread, about 12 people",
    "Hallo",  # too short to judge
    '/inform{"sector": "food_beverage"}',
]


@pytest.mark.parametrize("code,text", FOREIGN, ids=[code for code, _ in FOREIGN])
def test_each_language_is_recognised_and_answered_in_it(code: str, text: str) -> None:
    assert other_language(text) == code
    reply = english_only_reply(code)
    assert reply.startswith(SORRY_ENGLISH_ONLY[code]) and reply.endswith(SORRY_ENGLISH_ONLY["en"])


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_foreign_names_stays_english(text: str) -> None:
    assert other_language(text) is None


def test_a_language_without_our_sentence_gets_the_english_one() -> None:
    assert english_only_reply("xx") == english_only_reply(None) == SORRY_ENGLISH_ONLY["en"]


def _parsed(text: str, intent: str) -> Message:
    message = Message(data={TEXT: text})
    ranking = [{"name": intent, "confidence": 0.8}, {"name": "inform", "confidence": 0.15}]
    message.set(INTENT, ranking[0], add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    message.set(ENTITIES, [{"entity": "company_size", "value": "small"}], add_to_output=True)
    return message


def test_the_component_marks_foreign_messages_and_drops_their_entities() -> None:
    component = OtherLanguageClassifier(OtherLanguageClassifier.get_default_config())
    [german, english] = component.process([
        _parsed("Wir sind eine Bäckerei mit 12 Mitarbeitern", "misconception"),
        _parsed("we bake bread, about 12 people", "misconception")])
    assert german.get(INTENT) == {"name": "other_language", "confidence": 1.0}
    assert german.get(INTENT_RANKING_KEY)[0]["name"] == "other_language"
    assert german.get(ENTITIES) == []
    assert english.get(INTENT)["name"] == "misconception" and english.get(ENTITIES)


def test_the_component_corrects_a_classifier_that_took_english_for_foreign() -> None:
    component = OtherLanguageClassifier(OtherLanguageClassifier.get_default_config())
    [message] = component.process([_parsed("our partner is Boulangerie Dupont in Lyon", "other_language")])
    assert message.get(INTENT)["name"] == "inform"
    assert all(item["name"] != "other_language" for item in message.get(INTENT_RANKING_KEY))


def test_the_diagnosis_reads_nothing_from_a_foreign_message() -> None:
    said = Said(text="Wir sind eine Bäckerei mit 12 Mitarbeitern", intent="other_language",
                entities=[])
    for requested in (None, "company_size", "sector"):
        decision = decide(said, requested, {})
        assert not decision.slots and (decision.reject or requested is None)
