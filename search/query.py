"""The query object every backend receives: the words as typed plus their base forms."""

from __future__ import annotations

from modelsearch.query import PlainText

from search.text import lemmatise_query, query_terms, significant_words


class LanguageQuery(PlainText):
    """A plain-text query analysed in one language.

    Database backends see an ordinary ``PlainText`` whose query string holds every word as
    typed and its base forms, joined with OR (the lemma fields make the base forms match).
    Our Elasticsearch backend recognises the class and instead matches ``original`` with the
    language's analyzer and ``lemmas`` against the lemma text (see ``search.backends``).
    """

    def __init__(self, query: str, language: str, *, split_compounds: bool = False) -> None:
        self.original = query.strip()
        self.language = language
        self.split_compounds = split_compounds
        self.lemmas = lemmatise_query(self.original, language, split_compounds=split_compounds)
        terms = query_terms(self.original, language, split_compounds=split_compounds)
        super().__init__(" ".join(terms), operator="or")

    @property
    def words(self) -> list[str]:
        """The significant words of the query (stop words left out)."""
        return significant_words(self.original, self.language)

    def __repr__(self) -> str:
        return f"<LanguageQuery {self.original!r} ({self.language}) lemmas={self.lemmas!r}>"
