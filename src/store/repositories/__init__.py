"""Typed repositories: one per table, reading and writing pydantic records."""
