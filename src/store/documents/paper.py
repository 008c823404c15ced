"""The one renderer every paper shares: blocks -> Markdown -> HTML with one A4 print stylesheet.

A paper is a list of blocks. It is written as Markdown first, with text from the database
escaped so that it can never become Markdown structure, then turned into HTML by
markdown-it-py with raw HTML switched off, so it can never become markup either.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Heading:
    """A heading, level 1 to 3."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph; its lines are kept as written, and a blank line starts another."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: list[str]


@dataclass(frozen=True)
class Table:
    """A table whose first row is its header."""

    rows: list[list[str]]


Block: TypeAlias = Heading | Paragraph | Bullets | Table

# Inline punctuation Markdown would read as emphasis, code, links or table cells.
_INLINE = re.compile(r"([\\`*_\[\]|])")
# An HTML entity such as &lt; or &#60;, which Markdown would turn into its character.
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What at the start of a line would begin a heading, quote, list, rule or setext underline.
_LINE_START = re.compile(r"^([#>+=~-]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Text from the database as Markdown that shows exactly that text, on one line."""
    flat = " ".join(line.strip() for line in text.splitlines())
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", flat))


def _escape_line(line: str) -> str:
    return _LINE_START.sub(r"\\\1", escape(line.strip()))


def to_markdown(blocks: list[Block]) -> str:
    """Blocks as Markdown."""
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading(level, text):
                out.append(f"{'#' * level} {escape(text)}")
            case Paragraph(text):
                for part in re.split(r"\n\s*\n", text.strip()):
                    lines = [_escape_line(line) for line in part.splitlines() if line.strip()]
                    # A backslash at the end of a line is a hard line break.
                    out.append("\\\n".join(lines))
                    out.append("")
                out.pop()
            case Bullets(items):
                out.append("\n".join(f"- {_escape_line(item)}" for item in items))
            case Table(rows):
                cells = [[escape(cell) for cell in row] for row in rows]
                out.append("\n".join(
                    [f"| {' | '.join(cells[0])} |", "|" + " --- |" * len(cells[0])]
                    + [f"| {' | '.join(row)} |" for row in cells[1:]]
                ))  # fmt: skip
        out.append("")
    return "\n".join(out)


# One stylesheet for every paper: A4, margins a printer keeps, and nothing cut off at the
# edge (long words and addresses wrap; tables fit the page width and never split a row).
PRINT_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.4;
       color: #111; }
body { max-width: 178mm; margin: 0 auto; padding: 0; overflow-wrap: anywhere; }
h1 { font-size: 17pt; margin: 0 0 .6em; }
h2 { font-size: 13pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 1em 0 .3em; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
table { border-collapse: collapse; width: 100%; table-layout: auto; margin: .4em 0 1em; }
th, td { border: 1px solid #999; padding: .25em .45em; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; word-break: break-word; }
th { background: #eee; }
th:empty { background: none; padding: 0; border: none; }
tr { page-break-inside: avoid; break-inside: avoid; }
@media screen { body { margin: 2em auto; } }
"""


@cache
def _markdown() -> MarkdownIt:
    # Made, and markdown-it imported, only when a paper is written as HTML: the screens
    # that offer papers then open without paying for it (35 ms and more).

    import markdown_it

    options = {"html": False, "typographer": False}
    return markdown_it.MarkdownIt("commonmark", options).enable("table")


def markdown_to_html(markdown: str, title: str = "schoolnet") -> str:
    """Markdown as a self-contained HTML page, ready to print on A4."""
    body = _markdown().render(markdown)
    return f"""<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{PRINT_CSS}</style></head>
<body>
{body}</body></html>
"""


def to_html(blocks: list[Block]) -> str:
    """Blocks as a self-contained page ready to print, by way of Markdown."""
    first = next((block for block in blocks if isinstance(block, Heading)), None)
    return markdown_to_html(to_markdown(blocks), first.text if first else "schoolnet")


def render(blocks: list[Block], path: Path) -> str:
    """The text of the paper for a file: HTML for .html or .htm, Markdown otherwise."""
    return to_html(blocks) if path.suffix.lower() in (".html", ".htm") else to_markdown(blocks)


def write(blocks: list[Block], path: Path) -> Path:
    """Write HTML for .html or .htm, Markdown otherwise, readable by its owner only."""
    from store.sharing.exchange import write_private

    # A paper names children's schools and reviewers' DBS dates: never world-readable.
    write_private(path, render(blocks, path).encode("utf-8"))
    return path
