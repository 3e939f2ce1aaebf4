# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Hardened XML: no DTDs, no entities, no network, bounded size and depth."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from lxml import etree

from jeugdsturing.berichten.fouten import Afkeuring, BerichtFout

T = TypeVar("T")

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 32


_PARSERS = threading.local()


def _parser() -> etree.XMLParser:
    """One parser per thread (lxml parsers must not be shared between threads); making
    a new one for every message cost a third of the parse time."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
    return parser


# Byte-order marks and the first bytes of '<?xml' in the encodings XML 1.0 appendix F
# names, which libxml2 detects on its own.
_CODERINGEN = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\x00<", "UTF-32"),
    (b"<\x00\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
    (b"\x00<\x00?", "UTF-16"),
    (b"<\x00?\x00", "UTF-16"),
    (b"\x4c\x6f\xa7\x94", "EBCDIC"),
)
_DECLARATIE = re.compile(rb"""^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
_TEKST = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.DOTALL)


def _andere_codering(data: bytes) -> str | None:
    """The name of the encoding when it is not UTF-8 (or its subset ASCII), else None."""
    for begin, naam in _CODERINGEN:
        if data.startswith(begin):
            return naam
    declaratie = _DECLARATIE.match(data[:200])
    if declaratie is not None:
        naam = declaratie.group(1).decode("ascii").upper()
        if naam not in {"UTF-8", "UTF8"}:
            return naam
    return None


def _dtd(data: bytes) -> bool:
    """Whether the document declares a DOCTYPE or ENTITY outside comments and CDATA."""
    kaal = _TEKST.sub(b"", data)
    return b"<!DOCTYPE" in kaal or b"<!ENTITY" in kaal


def per_draad(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """functools.lru_cache, one cache per thread: for lxml objects (XMLSchema) that
    must not be shared between threads (their error_log would mix two imports'
    findings). The processes of an import each have one thread; a web server's
    threads each build their own."""

    def maak(functie: Callable[..., T]) -> Callable[..., T]:
        lokaal = threading.local()

        @functools.wraps(functie)
        def per(*args: Hashable) -> T:
            cache = getattr(lokaal, "cache", None)
            if cache is None:
                cache = lokaal.cache = functools.lru_cache(maxsize=maxsize)(functie)
            return cast(T, cache(*args))

        return per

    return maak


def local(tag: object) -> str:
    """'{namespace}Name' -> 'Name' (plain string work: this runs for every element)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def line(element: etree._Element) -> int | None:
    value = element.sourceline
    return value if isinstance(value, int) else None


def parent_name(element: etree._Element) -> str:
    parent = element.getparent()
    return local(parent.tag) if parent is not None else ""


def path_of(element: etree._Element) -> str:
    """Readable path below the root: 'Client/StartProducten/StartProduct/Begindatum'."""
    if element.getparent() is None:
        return local(element.tag)
    ancestors = [local(e.tag) for e in element.iterancestors()][::-1][1:]
    return "/".join(p for p in [*ancestors, local(element.tag)] if p)


def parse(data: bytes, *, file: str, diepte: bool = True) -> etree._Element:
    """Parse one message; rejects anything that is not plain, well-formed XML. With
    diepte=False the caller checks the depth itself (controleer_diepte): libxml2 already
    refuses more than 256 levels, and a message valid against a schema that admits at
    most MAX_DEPTH levels needs no second look (validatie.valideer)."""

    def fout(reason: str, at: int | None = None) -> BerichtFout:
        return BerichtFout([Afkeuring(file, None, None, None, at, reason)])

    if len(data) > MAX_BYTES:
        raise fout(f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MB")
    if not data or data.isspace():  # isspace stops at the first other byte; strip copied
        raise fout("bestand is leeg")
    # iJw messages are UTF-8. A document in another encoding is refused before libxml2
    # reads it: the check for DOCTYPE below looks at bytes, and a UTF-16 document spells
    # '<!DOCTYPE' with a zero byte between the letters.
    anders = _andere_codering(data)
    if anders is not None:
        raise fout(f"iJw-berichten zijn UTF-8; dit bestand is {anders}")
    # XML markup is case-sensitive: these are the only spellings a parser would accept.
    # Most messages hold no '!' at all: a search for one byte (memchr) is a tenth of a
    # search for a longer string, so look for the two only where there is one; where
    # one is found, comments and CDATA (where the words are only text) are left out.
    if b"!" in data and (b"<!DOCTYPE" in data or b"<!ENTITY" in data) and _dtd(data):
        raise fout("een DOCTYPE of ENTITY is niet toegestaan in iJw-berichten")
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        at = exc.lineno if isinstance(exc.lineno, int) else None
        raise fout(f"geen geldige XML: {exc.msg}", at) from exc
    encoding = (root.getroottree().docinfo.encoding or "UTF-8").upper()
    if encoding not in {"UTF-8", "UTF8"}:
        raise fout(f"iJw-berichten zijn UTF-8; dit bestand is {encoding}")
    if getattr(root.getroottree().docinfo, "doctype", ""):  # a second look, after the parser's
        raise fout("een DOCTYPE of ENTITY is niet toegestaan in iJw-berichten")
    # No DTD is loaded and DOCTYPE/ENTITY were refused above, so no entity nodes exist;
    # comments and processing instructions were removed by the parser.
    if diepte:
        controleer_diepte(root, file=file)
    return root


def controleer_diepte(root: etree._Element, *, file: str) -> None:
    """Raises when elements are nested deeper than MAX_DEPTH. An XPath in C, but it costs
    as much as parsing the message (42 µs for a typical one; docs/performance.md)."""
    if _TE_DIEP(root):
        raise BerichtFout(
            [
                Afkeuring(
                    file, None, None, None, None, f"XML is dieper genest dan {MAX_DEPTH} niveaus"
                )
            ]
        )


_TE_DIEP = etree.XPath("boolean(/" + "/*" * (MAX_DEPTH + 1) + ")")
