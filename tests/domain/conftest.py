"""Shared fixtures for the domain tests: the real bundled catalog, loaded once."""

from __future__ import annotations
