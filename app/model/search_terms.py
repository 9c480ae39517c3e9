"""Search terms as both load paths store them, and the language an entity is named in first."""

import re
import unicodedata

from app.model.vocabulary import Country, Lang

_NOT_A_WORD = re.compile(r"[\W_]+")  # what is not a letter or a digit


def fold_for_search(text: str) -> str:
    """Lower case, accents and other marks removed, every run of what is not a letter or a
    digit (punctuation, symbols, spaces) made one space: 'VN/24284/2021' -> 'vn 24284 2021',
    'Työ- ja elinkeinoministeriö' -> 'tyo ja elinkeinoministerio'. So every part of a code or
    a hyphenated name is a word, and a query folded the same way finds it however it is
    punctuated. csv_files.fold_array does the same a column at a time (RE2's [^\\pL\\pN]
    there is Python's [\\W_] here, but for a few CJK symbols that have a numeric value)."""
    if not text.isascii():  # NFKD leaves ASCII as it is, and ASCII has no marks
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return _NOT_A_WORD.sub(" ", text.lower()).strip()


def search_text(terms: list[str]) -> str:
    """Folded terms between bars, '| name one | name two |', so that search can tell an exact
    name ('| q |') from a name prefix ('| q') from a whole word (' q ') from a word prefix
    (' q') from a substring. A term that folds to nothing is left out; repeats are kept (the
    CSV path builds the same string column-wise, where dropping them would cost a sort)."""
    return "|" + "".join(f" {folded} |" for folded in map(fold_for_search, terms) if folded)


def home_language(country: Country | None) -> Lang:
    return Lang.SV if country is Country.SE else Lang.FI
