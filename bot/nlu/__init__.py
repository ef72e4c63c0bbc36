"""Custom Rasa NLU components built on the knowledge base."""
