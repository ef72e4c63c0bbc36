"""OI Advisor: an open-innovation advisor for SMEs.

The package holds everything that is not Rasa glue: the curated knowledge
base, the advice logic, storage, the web app and the custom NLU component.
"""
