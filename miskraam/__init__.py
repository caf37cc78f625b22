"""Miskraam: the course's own code (facts registry, Sphinx extension, widgets, figures)."""

from .facts import Fact, FactError, fact, load_facts, registry

__all__ = ["Fact", "FactError", "fact", "load_facts", "registry"]
