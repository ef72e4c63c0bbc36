"""What the assistant says: pure functions from knowledge to chat replies.

Nothing here imports Rasa, so every answer can be tested on its own; the
actions in ``actions/`` only translate between Rasa and these replies.
"""
