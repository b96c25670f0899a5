"""The glossary as a TBX-Basic file (TBX 2, `martif`), the form CAT tools import into a term base.

One termEntry per term, its id the course's; one langSet per language with
the definition and the term, marked as the preferred term, and the other
forms the course accepts (plural, with an article …) as admitted terms.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..layout import GLOSSARY_FILE
from ..labels import labels_for
from ..schema import Glossary
from .xliff import locale, set_lang

TBX_FILE = "glossary.tbx"


def glossary_tbx(glossary: Glossary, languages: tuple[str, ...]) -> bytes:
    martif = ET.Element("martif", type="TBX-Basic")
    set_lang(martif, locale(languages[0]))
    header = ET.SubElement(martif, "martifHeader")
    description = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(description, "titleStmt"), "title").text = labels_for(languages[0])["tbx_title"]
    ET.SubElement(ET.SubElement(description, "sourceDesc"), "p").text = f"content/{GLOSSARY_FILE}"
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for term in glossary.terms:
        entry = ET.SubElement(body, "termEntry", id=term.id)
        for language in languages:
            if language not in term.term:
                continue
            lang_set = ET.SubElement(entry, "langSet")
            set_lang(lang_set, locale(language))
            if language in term.definition:
                ET.SubElement(lang_set, "descrip", type="definition").text = term.definition[language]
            _term(lang_set, term.term[language], "preferredTerm-admn-sts")
            for form in term.forms.get(language, []):
                _term(lang_set, form, "admittedTerm-admn-sts")
    ET.indent(martif)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(martif, encoding="utf-8",
                                                                      xml_declaration=False) + b"\n"


def _term(lang_set: ET.Element, word: str, status: str) -> None:
    group = ET.SubElement(lang_set, "tig")
    ET.SubElement(group, "term").text = word
    ET.SubElement(group, "termNote", type="administrativeStatus").text = status
