"""Typed models of the curated knowledge base.

Every YAML file in ``knowledge/`` is a list of entries of one kind; the model
for each kind lives here so that a missing or misspelt field is reported with
the file, the entry and the field before the assistant ever starts.
Cross-references between entries are checked afterwards by ``validation``.
"""
from __future__ import annotations

import re
from typing import List, Optional

from pydantic import BaseModel, ConstrainedInt, ConstrainedStr, Extra, Field, validator


class Id(ConstrainedStr):
    """An id: lower-case letters, digits and underscores, starting with a letter."""

    regex = re.compile(r"^[a-z][a-z0-9_]*$")


class Text(ConstrainedStr):
    """A sentence or more: anything shorter is a placeholder."""

    strip_whitespace = True
    min_length = 20


class Short(ConstrainedStr):
    """A name, title or phrase."""

    strip_whitespace = True
    min_length = 2


class Level(ConstrainedStr):
    """low, medium or high."""

    regex = re.compile(r"^(low|medium|high)$")


class Direction(ConstrainedStr):
    """Which way knowledge flows in a collaboration model."""

    regex = re.compile(r"^(inbound|outbound|coupled|network|internal)$")


class Kind(ConstrainedStr):
    """Whether an entry of benefits_dangers is a benefit or a danger."""

    regex = re.compile(r"^(benefit|danger)$")


class Evidence(ConstrainedStr):
    """How real a case is: a documented firm, a guide's example or an illustration."""

    regex = re.compile(r"^(real|guide_example|illustration)$")


class Position(ConstrainedInt):
    """An order or a staff count that starts at one."""

    ge = 1


class Count(ConstrainedInt):
    """A count or index that may be zero."""

    ge = 0


class Entry(BaseModel):
    """Fields shared by every knowledge entry."""

    id: Id
    sources: List[Id] = Field(..., min_items=1)

    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True


class Vocabulary(Entry):
    """An entry an owner can name in chat; ``synonyms`` feed the NLU patterns."""

    name: Short
    synonyms: List[Short] = Field(default_factory=list)


class Source(BaseModel):
    """A document the knowledge base cites, referred to by its key."""

    id: Id
    title: Short
    authors: Short
    year: Optional[Short] = None
    publication: Optional[Short] = None
    seed_file: Short
    about: Text

    class Config:
        extra = Extra.forbid


class Misconception(Entry):
    """A belief that keeps owners from collaborating, and the answer to it."""

    claim: Text
    reality: Text
    why_it_matters: Text
    first_step: Text
    more: Optional[Text] = None
    phrasings: List[Short] = Field(..., min_items=3)


class Example(BaseModel):
    """A worked example from the sources, optionally pointing to a case."""

    text: Text
    case: Optional[Id] = None

    class Config:
        extra = Extra.forbid


class CollaborationModel(Vocabulary):
    """A way of collaborating, with the attributes the recommender scores."""

    directions: List[Direction] = Field(..., min_items=1)
    summary: Text
    more: Optional[Text] = None
    needs: List[Id] = Field(..., min_items=1)
    stages: List[Id] = Field(..., min_items=1)
    resources: Level
    ip_exposure: Level
    requires_offer: bool
    offers: List[Id] = Field(default_factory=list)
    barriers_addressed: List[Id] = Field(default_factory=list)
    partners: List[Id] = Field(..., min_items=1)
    risks: List[Text] = Field(..., min_items=1)
    first_steps: List[Text] = Field(..., min_items=2)
    example: Example


class StageRole(BaseModel):
    """What a partner type does for a firm at one stage of the journey."""

    stage: Id
    role: Text
    importance: Level

    class Config:
        extra = Extra.forbid


class PartnerType(Vocabulary):
    """A kind of partner: what it brings, when it matters, what to watch."""

    summary: Text
    brings: List[Text] = Field(..., min_items=1)
    stage_roles: List[StageRole] = Field(..., min_items=1)
    cautions: List[Text] = Field(..., min_items=1)
    how_to_find: List[Text] = Field(..., min_items=1)
    more: Optional[Text] = None


class Need(Vocabulary):
    """What an SME wants to innovate or gain."""

    description: Text


class Stage(Vocabulary):
    """A step of the innovation journey from idea to market."""

    description: Text
    order: Position


class Barrier(Vocabulary):
    """An obstacle to innovation, with figures where the sources give them."""

    description: Text
    figures: Optional[Text] = None
    related_models: List[Id] = Field(default_factory=list)


class Sector(Vocabulary):
    """An industry, with what the sources say about openness in it."""

    openness: Text


class Size(Vocabulary):
    """A company size band (EU definition)."""

    description: Text
    min_staff: Count
    max_staff: Optional[Position] = None


class Offer(Vocabulary):
    """What a firm could bring to partners."""

    description: Text


class BenefitOrDanger(Entry):
    """A benefit or danger of open innovation for SMEs."""

    name: Short
    description: Text
    kind: Kind


class Guidance(Entry):
    """Practical advice that several recommendations refer to."""

    title: Short
    synonyms: List[Short] = Field(default_factory=list)
    summary: Text
    points: List[Text] = Field(..., min_items=2)
    more: Optional[Text] = None


#: how far a case can be trusted: a named, documented firm; an unnamed example a guide
#: reports; or a scenario a source imagines ("Imagine a small bakery ...")
EVIDENCE = ("real", "guide_example", "illustration")


class Case(Entry):
    """An example from the sources, the lesson it teaches and how real it is.

    ``evidence`` keeps the advice honest: only a ``real`` case may be called
    one, an imagined scenario is always presented as an illustration.
    """

    title: Short
    evidence: Evidence
    synonyms: List[Short] = Field(default_factory=list)
    summary: Text
    lesson: Text
    figures: Optional[Text] = None
    models: List[Id] = Field(default_factory=list)
    partners: List[Id] = Field(default_factory=list)
    sectors: List[Id] = Field(default_factory=list)


class QuizQuestion(BaseModel):
    """One multiple-choice question; ``answer`` indexes ``options``."""

    id: Id
    question: Text
    options: List[Short] = Field(..., min_items=2, max_items=5)
    answer: Count
    explanation: Text
    sources: List[Id] = Field(..., min_items=1)

    class Config:
        extra = Extra.forbid

    @validator("answer")
    def answer_is_an_option(cls, value: int, values: dict) -> int:  # noqa: N805
        options = values.get("options") or []
        if value >= len(options):
            raise ValueError(f"answer {value} is not an index of the {len(options)} options")
        return value


class LessonStep(BaseModel):
    """One chat-sized step of a lesson."""

    text: Text
    case: Optional[Id] = None

    class Config:
        extra = Extra.forbid


class Lesson(Entry):
    """A tutorial lesson: a few steps, then a short quiz."""

    title: Short
    order: Position
    summary: Text
    steps: List[LessonStep] = Field(..., min_items=2)
    quiz: List[QuizQuestion] = Field(..., min_items=2)
    next: Optional[Id] = None
