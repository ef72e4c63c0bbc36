"""Which language an owner wrote in, and how to say "I speak English for now" in it.

The assistant understands English only. A message in another language would
otherwise be forced onto an English intent (a German bakery's introduction
drew a misconception card), so such messages get a short reply instead, in
their language where we have the sentence here.

Detection uses lingua, whose models ship inside its package (nothing is
downloaded), restricted to the languages below and in its low-accuracy mode
(trigram models, about 30 MB instead of 500 MB). English owners often write
foreign names ("we supply Boulangerie Dupont in Lyon"), which fool any
detector, so a message counts as foreign only when the detector is confident
*and* it has hardly any English function words (spaCy's English stop words).
Short messages (greetings, "yes", numbers, button payloads) always count as
English: they are too short to judge and the dialogue handles them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Optional

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

#: what we say, in each language we look for (ISO 639-1 code -> sentence)
SORRY_ENGLISH_ONLY: Dict[str, str] = {
    "en": "I speak English for now. Please write to me in English and we can carry on.",
    "de": "Ich spreche vorerst nur Englisch. Bitte schreiben Sie mir auf Englisch, dann machen wir weiter.",
    "fr": ("Pour l'instant, je ne parle qu'anglais. "
           "Écrivez-moi en anglais, s'il vous plaît, et nous continuerons."),
    "es": "Por ahora solo hablo inglés. Por favor, escríbame en inglés y seguimos.",
    "it": "Per ora parlo solo inglese. Mi scriva in inglese, per favore, e continuiamo.",
    "pt": "Por enquanto só falo inglês. Por favor, escreva-me em inglês e continuamos.",
    "nl": "Ik spreek voorlopig alleen Engels. Schrijf me alstublieft in het Engels, dan gaan we verder.",
    "pl": "Na razie mówię tylko po angielsku. Proszę napisać do mnie po angielsku, a będziemy kontynuować.",
    "sv": "Just nu talar jag bara engelska. Skriv gärna till mig på engelska, så fortsätter vi.",
    "da": "Indtil videre taler jeg kun engelsk. Skriv venligst til mig på engelsk, så fortsætter vi.",
    "fi": "Puhun toistaiseksi vain englantia. Kirjoita minulle englanniksi, niin jatketaan.",
    "cs": "Zatím mluvím jen anglicky. Napište mi prosím anglicky a budeme pokračovat.",
    "ro": "Deocamdată vorbesc doar engleză. Vă rog să-mi scrieți în engleză și continuăm.",
    "hu": "Egyelőre csak angolul beszélek. Kérem, írjon nekem angolul, és folytatjuk.",
    "el": "Προς το παρόν μιλάω μόνο αγγλικά. Παρακαλώ γράψτε μου στα αγγλικά και συνεχίζουμε.",
    "tr": "Şimdilik yalnızca İngilizce konuşuyorum. Lütfen bana İngilizce yazın, devam edelim.",
    "ru": "Пока я говорю только по-английски. Пожалуйста, напишите мне по-английски, и мы продолжим.",
    "zh": "我目前只会说英语。请用英语给我写信，我们就可以继续了。",
    "ja": "今のところ英語しか話せません。英語で書いていただければ、続けられます。",
    "ar": "أتحدث الإنجليزية فقط حاليًا. من فضلك اكتب لي بالإنجليزية ونتابع.",
}
#: at least this many words before a message is judged at all
MIN_WORDS = 3
#: the detector's confidence in the other language must reach this
MIN_CONFIDENCE = 0.7
#: a message whose words are this much English function words is English
ENGLISH_SHARE = 0.25

_WORD = re.compile(r"[^\W\d_]+")
_LOGOGRAPHIC = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def _language(code: str) -> Language:
    return next(language for language in Language.all()
                if language.iso_code_639_1.name.lower() == code)


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The lingua detector, built once per process (about a second)."""
    languages = [_language(code) for code in SORRY_ENGLISH_ONLY]
    return (LanguageDetectorBuilder.from_languages(*languages)
            .with_low_accuracy_mode().with_preloaded_language_models().build())


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def english_share(text: str) -> float:
    """The share of the message's words that are English function words."""
    words = _WORD.findall(text.lower())
    if not words:
        return 1.0
    common = _english_function_words()
    return sum(word in common for word in words) / len(words)


def _long_enough(text: str) -> bool:
    """Chinese and Japanese need no spaces: count their characters as words."""
    return len(_WORD.findall(text)) >= MIN_WORDS or len(_LOGOGRAPHIC.findall(text)) >= MIN_WORDS


def other_language(text: Optional[str]) -> Optional[str]:
    """The ISO 639-1 code of the language ``text`` is written in, when that is not English.

    None means English, or too short or too mixed to say.
    """
    text = (text or "").strip()
    if not text or text.startswith("/") or not _long_enough(text):
        return None
    if english_share(text) >= ENGLISH_SHARE:
        return None
    best = detector().compute_language_confidence_values(text)[0]
    if best.language == Language.ENGLISH or best.value < MIN_CONFIDENCE:
        return None
    return best.language.iso_code_639_1.name.lower()


def english_only_reply(code: Optional[str]) -> str:
    """The "English for now" sentence in language ``code``, followed by the English one."""
    english = SORRY_ENGLISH_ONLY["en"]
    own = SORRY_ENGLISH_ONLY.get(code or "en", english)
    return english if own == english else f"{own}\n\n{english}"
