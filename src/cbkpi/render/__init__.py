"""Rendering: turning computed results into text, tables, JSON, CSV and Markdown.

Nothing here computes a figure; everything here only presents one.
"""
