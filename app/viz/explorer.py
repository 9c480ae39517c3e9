"""The explorer page (GET /map): search, pick an entity, choose the view, depth, language and
date, see the map, click a node for its details and sources, download the view. It is served
by OrgMap and talks only to OrgMap's own API."""

from functools import cache

from app.model.vocabulary import Lang, RelType, SteeringMode
from app.viz.exports import FORMATS
from app.viz.maps import VIEWS
from app.viz.page import TEMPLATES

# The view parameters the explorer offers a control for; the API takes them all.
CONTROLS = ("depth", "to", "rel", "mode")


@cache
def explorer_html() -> str:
    views = {
        name: {
            "about": entry.about,
            "needs_id": entry.needs_id,
            "controls": [c for c in CONTROLS if c in entry.params.model_fields],
        }
        for name, entry in VIEWS.items()
    }
    return TEMPLATES.get_template("explorer.html").render(
        views=views,
        formats=list(FORMATS),
        langs=[lang.value for lang in Lang],
        rel_types=[rel.value for rel in RelType],
        modes=[mode.value for mode in SteeringMode],
    )
