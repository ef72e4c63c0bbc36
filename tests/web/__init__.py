"""Tests of the staff review desk, through Flask's test client and a real waitress server."""
