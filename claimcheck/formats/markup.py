"""Markdown escaping for user text: no raw HTML, tables kept intact."""

from __future__ import annotations


def _no_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def inline(text: str) -> str:
    """User text inside Markdown: no raw HTML, one line."""
    return " ".join(_no_html(text).splitlines())


def cell(text: str) -> str:
    """User text inside a table cell: `|` escaped, line breaks kept as <br>."""
    return "<br>".join(_no_html(text).splitlines()).replace("|", "\\|")


def code(text: str) -> str:
    """Text as inline code; text that inline code cannot hold is escaped as a cell instead."""
    if "`" in text or "\n" in text or "\r" in text:
        return cell(text)
    return f"`{text.replace('|', chr(92) + '|')}`"
