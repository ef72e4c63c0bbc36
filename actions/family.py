"""Families of similar actions, all built one way.

A family is an abstract subclass of ``FamilyAction`` that says what its
members do. Each member is a concrete subclass that sets ``action_name``
and whatever else the family leaves open: written out when its behaviour
differs (the knowledge answers), made by the family's ``members`` from a
table when only its data does (one ask action per form slot, one action per
fixed reply), so that the table says which actions exist. Rasa SDK
registers every concrete ``Action`` subclass in the package and skips
abstract ones, so a family's base never registers under an empty name.
"""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Any, List, Mapping, Text, Type, TypeVar, cast

from rasa_sdk import Action

Family = TypeVar("Family", bound="FamilyAction")


class FamilyAction(Action, metaclass=ABCMeta):
    """Base of every family: a member is known by its ``action_name``."""

    @property
    @abstractmethod
    def action_name(self) -> Text:
        """The name Rasa calls the action by; each member sets it as a class attribute."""

    def name(self) -> Text:
        return self.action_name

    @classmethod
    def members(cls: Type[Family], table: Mapping[Text, Mapping[Text, Any]]) -> List[Type[Family]]:
        """One concrete subclass of this family per action name, with that row's class attributes."""
        return [cast(Type[Family], type(_class_name(name), (cls,),
                                        {"__module__": cls.__module__, "action_name": name, **row}))
                for name, row in table.items()]


def _class_name(action_name: Text) -> str:
    """``action_ask_sector`` -> ``ActionAskSector``, as a written-out action would be named."""
    return "".join(part.capitalize() for part in action_name.split("_"))
