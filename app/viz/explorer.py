"""The explorer page (GET /map): search, pick an entity, choose the view, depth, language and
date, see the map, click a node for its details and sources, download the view. It is served
by OrgMap and talks only to OrgMap's own API. Its words come in every language (words.py):
the language switch tells the page again, not only the map."""

from functools import cache

from app.model.kind_words import KIND_ENUMS
from app.model.vocabulary import Lang, RelType, SteeringMode
from app.viz.exports import FORMATS
from app.viz.maps import VIEWS
from app.viz.page import TEMPLATES
from app.viz.words import LANG_NAMES, WORDS, kind_word, say, table

# The view parameters the explorer offers a control for; the API takes them all.
CONTROLS = ("depth", "to", "rel", "mode")


@cache
def explorer_html(lang: Lang = Lang.FI) -> str:
    views = {
        name: {
            "needs_id": entry.needs_id,
            "controls": [c for c in CONTROLS if c in entry.params.model_fields],
        }
        for name, entry in VIEWS.items()
    }
    kinds = {
        label.value: {
            kind.value: {c.value: kind_word(label, kind, c) for c in Lang} for kind in enum
        }
        for label, enum in KIND_ENUMS.items()
    }
    return TEMPLATES.get_template("explorer.html").render(
        lang=lang.value,
        w={key: say(key, lang) for key in WORDS},
        words=table(WORDS),
        kinds=kinds,
        views=views,
        formats=list(FORMATS),
        langs={code.value: name for code, name in LANG_NAMES.items()},
        rel_types=[rel.value for rel in RelType],
        modes=[mode.value for mode in SteeringMode],
    )
