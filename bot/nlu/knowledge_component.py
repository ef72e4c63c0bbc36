"""The life cycle shared by the Rasa components fitted from the knowledge folder.

The entity matcher, the answer reader and the intent gate are each fitted
from ``knowledge/`` when ``rasa train`` runs, kept as one file inside the
trained model, and read back when the model loads. Rasa asks every graph
component for the same handful of methods; this base class gives them once,
so each component states only what it fits and what it does to a message.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, ClassVar, Dict, Generic, Optional, Protocol, Text, TypeVar, cast

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge import KnowledgeBase, knowledge_dir, load_knowledge

Fitted = TypeVar("Fitted")


class Storable(Protocol):
    """What a fitted object needs to store itself."""

    def to_bytes(self) -> bytes:
        """The object as the bytes of a file."""


class KnowledgeComponent(GraphComponent, Generic[Fitted]):
    """A graph component fitted from the knowledge base and stored as one file.

    Subclasses name the file (``STORED_AS``) and fit from the knowledge base
    and Rasa's training data (``fit``). What they fit is stored by its own
    ``to_bytes`` and read back by its class's ``from_bytes`` (``FITTED``),
    unless they convert it themselves.
    """

    STORED_AS: ClassVar[str]
    #: the class of what is fitted, with ``to_bytes()`` and ``from_bytes(data)``
    FITTED: ClassVar[Any] = None
    #: settings that change what is fitted without a knowledge file changing
    SETTINGS: ClassVar[str] = ""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``knowledge_dir``: where to read the knowledge base (default ``knowledge/``)."""
        return {"knowledge_dir": None}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Retrain when any knowledge file or the component's settings change, not only Rasa's data."""
        return knowledge_fingerprint(_folder(config)) + cls.SETTINGS

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 fitted: Optional[Fitted] = None) -> None:
        self._config = config
        self._storage = model_storage
        self._resource = resource
        self.adopt(fitted)

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "KnowledgeComponent[Fitted]":
        """An unfitted component; ``train`` fits it."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit from the knowledge base and Rasa's training data, and store the result in the model."""
        fitted = self.fit(load_knowledge(_folder(self._config)), training_data)
        self.adopt(fitted)
        with self._storage.write_to(self._resource) as directory:
            (directory / self.STORED_AS).write_bytes(self.to_bytes(fitted))
        return self._resource

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "KnowledgeComponent[Fitted]":
        """The component as stored in the model; without a stored file it changes no message."""
        try:
            with model_storage.read_from(resource) as directory:
                fitted: Optional[Fitted] = cls.from_bytes((directory / cls.STORED_AS).read_bytes())
        except (ValueError, FileNotFoundError):
            fitted = None
        return cls(config, model_storage, resource, fitted)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training examples carry nothing for these components to add."""
        return training_data

    def adopt(self, fitted: Optional[Fitted]) -> None:
        """Keep what was fitted or loaded; a subclass may derive what it runs from it."""
        self._fitted = fitted

    def fit(self, kb: KnowledgeBase, training_data: TrainingData) -> Fitted:
        """What this component learns from the knowledge base and the training data."""
        raise NotImplementedError

    @classmethod
    def to_bytes(cls, fitted: Fitted) -> bytes:
        """What was fitted, as the bytes of the stored file."""
        return cast(Storable, fitted).to_bytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Fitted:
        """What was fitted, from the bytes of the stored file."""
        fitted: Fitted = cls.FITTED.from_bytes(data)
        return fitted


def knowledge_fingerprint(folder: Path) -> Text:
    """A digest of every knowledge file: editing any one retrains every component fed from them."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _folder(config: Dict[Text, Any]) -> Path:
    return Path(config.get("knowledge_dir") or knowledge_dir())
