"""Everything OI Advisor keeps: our own tables next to Rasa's transcript.

One URL (``OI_DATABASE_URL``) selects the database for Rasa's tracker store,
the action server, the staff desk and the command line alike, so the same code
runs on the default SQLite file and on PostgreSQL.
"""
