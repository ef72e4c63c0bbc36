"""Alembic migrations of OI Advisor's own tables (Rasa's ``events`` table is Rasa's)."""
