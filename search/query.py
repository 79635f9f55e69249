"""The query object every backend receives: the words as typed plus their base forms."""

from __future__ import annotations

from modelsearch.query import PlainText

from search.text import lemmatise_query, query_terms


class LanguageQuery(PlainText):
    """A plain-text query analysed in one language.

    Database backends see an ordinary ``PlainText`` whose query string holds every word as
    typed and its base forms, joined with OR (the lemma fields make the base forms match).
    Our Elasticsearch backend recognises the class and instead matches ``original`` with the
    language's analyzer and ``lemmas`` against the lemma text (see ``search.backends``).
    """

    def __init__(self, query: str, language: str) -> None:
        self.original = query.strip()
        self.language = language
        self.lemmas = lemmatise_query(self.original, language)
        super().__init__(" ".join(query_terms(self.original, language)), operator="or")

    def __repr__(self) -> str:
        return f"<LanguageQuery {self.original!r} ({self.language}) lemmas={self.lemmas!r}>"
