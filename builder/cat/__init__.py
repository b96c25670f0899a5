"""Files for translators' CAT tools (memoQ, Trados, Phrase, OmegaT, Weblate).

`course translations export` writes the course's texts as XLIFF 1.2 and the
glossary as TBX; `course translations import` takes the XLIFF back into the
YAML. Data flows one way: units (the texts) → xliff / tbx (the files) →
importer (back into the YAML); the command line stands on these, never the
other way round.
"""
