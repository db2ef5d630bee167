"""Helpers the tests share: sample data, ways to run the app and read what it shows.  Fixtures live in the
conftest.py of each folder."""
