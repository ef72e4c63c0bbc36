"""Tests of the storage layer against a real SQLite file and a real PostgreSQL server."""
