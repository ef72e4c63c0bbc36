"""Load Rasa's TensorFlow models without compiling a training step first.

To give a saved DIET or response-selector model its variables, Rasa 3.6
builds the model, compiles it, fits it on one example and only then reads
the trained weights over it. Keras compiles that single training step into
a TensorFlow graph, and tracing it took about 14 of the 24 seconds the Rasa
server needed to load our model: most of a cold start. Fitting the one
example eagerly creates the same variables without the graph; the weights
read afterwards replace whatever that step changed, so the loaded model
predicts exactly as before (``tests/nlu/test_quick_load.py``). Predictions
still run as compiled TensorFlow functions.
"""
from __future__ import annotations

from typing import Any, Optional


def load_built_eagerly(cls: Any, model_file_name: str, model_data_example: Any,
                       predict_data_example: Optional[Any] = None, finetune_mode: bool = False,
                       *args: Any, **kwargs: Any) -> Any:
    """``RasaModel.load`` with its one-example fit run eagerly."""
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
    from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator

    config = kwargs.get("config", {})
    model = cls(*args, **kwargs)
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.run_eagerly = bool(config.get(RUN_EAGERLY))
    model.load_weights(model_file_name)
    if not finetune_mode and predict_data_example:
        # the first prediction traces the prediction function: done now, not in an owner's turn
        model.run_inference(predict_data_example)
    return model


def install() -> None:
    """Make every Rasa TensorFlow model (DIET, response selector) load this way."""
    from rasa.utils.tensorflow.models import RasaModel

    RasaModel.load = classmethod(load_built_eagerly)
