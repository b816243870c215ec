"""Gongkai (公开): the open-government-information platform."""

__version__ = "0.1.0"
