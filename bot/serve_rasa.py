"""Rasa's command line, with the action server's replies checked by a schema compiled once,
and its TensorFlow models loaded without a traced training step (:mod:`bot.nlu.quick_load`).

Rasa 3.6 checks every reply of the action server with ``jsonschema.validate``,
which first checks the schema itself against JSON Schema's meta-schema and
builds a new validator, on every call, although the schema never changes.
The profile of a turn in docs/benchmarks.md shows that this made JSON Schema
the largest single cost of a turn in the Rasa server, ahead of the NLU and the
policies. Here the validator is built once; every reply is still checked
against the same schema, and a bad reply raises the same ``ValidationError``
with the same message as before.

``scripts/run_rasa.sh`` starts Rasa through this module: ``python -m bot.serve_rasa run ...``.
"""
from __future__ import annotations

import functools
from typing import Any, Dict

from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator


@functools.lru_cache(maxsize=1)
def action_reply_validator() -> Validator:
    """The validator of Rasa's action-reply schema, its schema checked once."""
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: Any, result: Dict[str, Any]) -> bool:
    """``RemoteAction._validate_action_result`` with the compiled validator."""
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(action_reply_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    """Make Rasa's remote actions use the compiled validator, and its models load quickly."""
    from rasa.core.actions.action import RemoteAction

    from bot.nlu import quick_load

    RemoteAction._validate_action_result = validate_action_result
    quick_load.install()


def main() -> None:
    """Run Rasa's command line (``sys.argv``) with the compiled validator installed."""
    install()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
