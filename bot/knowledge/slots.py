"""The one table of what owners name: knowledge kind, entity and diagnosis slot.

The same thing goes by several names on its way through the layers: the
NLU component reports an obstacle as entity ``barrier``, a button sends
``/inform{"barrier": ...}``, the diagnosis form keeps obstacles in slot
``barriers``, and the values are ids from ``knowledge/barriers.yml``. The
links are written once, here, and every other module derives its view from
``TERMS`` (the entity extractor's labels, the answer vocabulary, the
questions' buttons, the form's order, the list slots), so they cannot drift
apart; a test holds ``domain.yml`` to the same table. Data only, so that
any layer may import it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Tuple


@dataclass(frozen=True)
class Term:
    """One thing owners name, by its name in each layer.

    ``entity`` is what the NLU component and the answer buttons report;
    ``kind`` the knowledge kind whose entry ids are its values (empty: a
    fixed scale, ``fixed``); ``slot`` the diagnosis question it answers
    (empty: it is only ever what a question is about). ``extra`` values are
    accepted beyond the knowledge base's entries, a ``many`` slot holds a
    list, and ``none`` is the answer that means "nothing of these" (stored as
    the empty list when it is one of the ``extra`` values, not an entry). A
    ``yes_no`` question is stored as a boolean.
    """

    entity: str
    kind: str = ""
    slot: str = ""
    fixed: Tuple[str, ...] = ()
    extra: Tuple[str, ...] = ()
    many: bool = False
    none: str = ""
    yes_no: bool = False


#: the diagnosis questions in the order the form asks them, then the other vocabulary kinds
TERMS: Tuple[Term, ...] = (
    Term("sector", kind="sectors", slot="sector"),
    Term("company_size", kind="sizes", slot="company_size"),
    Term("innovation_need", kind="needs", slot="innovation_need"),
    Term("innovation_stage", kind="stages", slot="innovation_stage"),
    Term("barrier", kind="barriers", slot="barriers", extra=("none",), many=True, none="none"),
    Term("offer", kind="offers", slot="offer", many=True, none="nothing_yet"),
    Term("ip_sensitivity", slot="ip_sensitivity", fixed=("low", "medium", "high")),
    Term("partner_experience", slot="partner_experience", fixed=("none", "good", "failed")),
    Term("international", slot="international", fixed=("yes", "no"), yes_no=True),
    Term("partner", kind="partners"),
    Term("model", kind="models"),
    Term("guidance", kind="guidance"),
    Term("case", kind="cases"),
)

#: the terms the diagnosis asks for, in the form's order
QUESTION_TERMS: Tuple[Term, ...] = tuple(term for term in TERMS if term.slot)
#: the diagnosis form's slots, in the order they are asked
FORM_SLOTS: List[str] = [term.slot for term in QUESTION_TERMS]
#: slots that hold a list of values
LIST_SLOTS: FrozenSet[str] = frozenset(term.slot for term in QUESTION_TERMS if term.many)
#: question slot -> its term: what the question can be answered with
ANSWER_SLOTS: Dict[str, Term] = {term.slot: term for term in QUESTION_TERMS}
#: entity -> the slot it fills, for the entities that answer a question
ENTITY_TO_SLOT: Dict[str, str] = {term.entity: term.slot for term in QUESTION_TERMS}
#: knowledge kind -> entity reported for its entries' names and synonyms
ENTITY_NAMES: Dict[str, str] = {term.kind: term.entity for term in TERMS if term.kind}
#: entity -> knowledge kind its values come from
KIND_OF_ENTITY: Dict[str, str] = {term.entity: term.kind for term in TERMS if term.kind}
#: question slot -> knowledge kind its values come from
KIND_OF_SLOT: Dict[str, str] = {term.slot: term.kind for term in QUESTION_TERMS if term.kind}
