"""Every word the maps, their tooltips and the explorer show, in Finnish, Swedish and English:
one table, so a language is complete or visibly not (a test checks every key has all three).

UI words are keyed by name; the vocabulary's values by `Enum.value` (two enums may share a
value: OrgKind.PARTY and PartyRole.PARTY). Kinds are named by app/model/kind_words.py, which
search already reads: the first word of each language is the kind's name."""

from collections.abc import Iterable, Mapping
from enum import StrEnum
from functools import cache

from app.model.edges import EDGE_MODELS
from app.model.kind_words import KIND_ENUMS, KIND_WORDS
from app.model.vocabulary import (
    Assertion,
    ConcernsMode,
    ContactBasis,
    ContactChannel,
    CooperationMode,
    DerivesMode,
    Label,
    Lang,
    MemberRole,
    MembershipBasis,
    OrganiseRole,
    ParticipationRole,
    PartOfKind,
    PartyRole,
    ProduceMode,
    RelType,
    SteeringMode,
    SupportMode,
    ViewName,
)

Three = tuple[str, str, str]  # fi, sv, en
_INDEX = {Lang.FI: 0, Lang.SV: 1, Lang.EN: 2}

UI: dict[str, Three] = {
    # the map page
    "counts": (
        "solmuja {nodes}, suhteita {edges}",
        "noder: {nodes}, relationer: {edges}",
        "{nodes} nodes, {edges} relationships",
    ),
    "details": ("Tiedot", "Uppgifter", "Details"),
    "click_hint": (
        "Napsauta solmua tai suhdetta.",
        "Klicka på en nod eller en relation.",
        "Click a node or a relationship.",
    ),
    "legend": ("Selite", "Teckenförklaring", "Legend"),
    "legend_lines": (
        "Viivan tyyli: tiedon peruste",
        "Linjens stil: uppgiftens grund",
        "Line style: how the source supports it",
    ),
    "large_view": (
        "suuri näkymä: asettelu laskettu valmiiksi, solmut eivät liiku",
        "stor vy: layouten är beräknad i förväg, noderna rör sig inte",
        "large view: laid out in advance, physics off",
    ),
    "day_shown": ("tilanne {day}", "läget {day}", "as of {day}"),
    "day_today": ("tilanne tänään", "läget i dag", "as of today"),  # a picture's day line
    "sources_cited": ("Lähteet", "Källor", "Sources cited"),
    "no_sources": ("ei lähteitä", "inga källor", "none"),
    "every_day": ("kaikki ajankohdat", "alla tidpunkter", "every date"),
    "compared": (
        "{since} → {day}: {began} alkoi, {ended} päättyi, {unchanged} ennallaan",
        "{since} → {day}: {began} började, {ended} upphörde, {unchanged} oförändrade",
        "{since} → {day}: {began} began, {ended} ended, {unchanged} unchanged",
    ),
    "Change.began": ("alkoi", "började", "began"),
    "Change.ended": ("päättyi", "upphörde", "ended"),
    "Change.unchanged": ("ennallaan", "oförändrad", "unchanged"),
    # the explorer's saved maps
    "save_map": ("Tallenna kartta", "Spara kartan", "Save this map"),
    "map_name": ("Nimi", "Namn", "Name"),
    "step_caption": (
        "Vaiheen kuvateksti (korostaa kartalla valitut solmut ja suhteet)",
        "Stegets bildtext (framhäver noderna och relationerna som valts på kartan)",
        "Caption of a step (it highlights the nodes and relationships selected on the map)",
    ),
    "add_step": ("Lisää vaihe", "Lägg till steget", "Add this step"),
    "hide_selected": ("Piilota valitut solmut", "Dölj de valda noderna", "Hide the selected nodes"),
    "hidden_count": ("piilotettu: {count}", "dolda: {count}", "hidden: {count}"),
    "write_key": ("Kirjoitusavain", "Skrivnyckel", "Write key"),
    "save": ("Tallenna", "Spara", "Save the map"),
    "saved_maps": ("Tallennetut kartat", "Sparade kartor", "Saved maps"),
    "need_caption": (
        "Piirrä ensin kartta ja kirjoita kuvateksti.",
        "Rita först en karta och skriv en bildtext.",
        "Draw a map and write a caption first.",
    ),
    "need_map": ("Piirrä ensin kartta.", "Rita först en karta.", "Draw a map first."),
    "saved_as": ("Tallennettu: {id}", "Sparad: {id}", "Saved as {id}"),
    "not_saved": ("Ei tallennettu: {why}", "Inte sparad: {why}", "Not saved: {why}"),
    "unreachable": (
        "palvelimeen ei saatu yhteyttä",
        "servern kunde inte nås",
        "the server could not be reached",
    ),
    "opening_map": (
        "Avataan tallennettua karttaa…",
        "Öppnar den sparade kartan…",
        "Opening the saved map…",
    ),
    "story": ("Tarina", "Berättelse", "Story"),
    "changed_since_saved": (
        "muuttunut tallennuksen jälkeen: {ids}",
        "ändrat sedan kartan sparades: {ids}",
        "changed since saved: {ids}",
    ),
    # the explorer's time slider
    "time": ("Aika", "Tid", "Time"),
    "step_back": ("Edellinen muutospäivä", "Föregående ändringsdag", "Previous day of change"),
    "step_forward": ("Seuraava muutospäivä", "Nästa ändringsdag", "Next day of change"),
    "play": ("Toista", "Spela upp", "Play"),
    "pause": ("Pysäytä", "Pausa", "Pause"),
    "compare_since": (
        "Näytä muutokset edellisestä muutospäivästä",
        "Visa ändringarna sedan föregående ändringsdag",
        "Show the changes since the previous day of change",
    ),
    # the views' titles and notices
    "title_neighbourhood": (
        "{name}: lähiympäristö, {depth} askelta",
        "{name}: närområde, {depth} steg",
        "{name}: neighbourhood, {depth} hops",
    ),
    "title_steered_by": ("{name}: kuka ohjaa", "{name}: vem styr", "{name}: who steers it"),
    "title_steers": ("{name}: ketä ohjaa", "{name}: vem den styr", "{name}: whom it steers"),
    "title_members": ("{name}: kokoonpano", "{name}: sammansättning", "{name}: composition"),
    "title_preparation": (
        "{name}: valmisteluketju",
        "{name}: beredningskedja",
        "{name}: preparation chain",
    ),
    "title_org_chart": (
        "{name}: organisaatiokaavio",
        "{name}: organisationsschema",
        "{name}: organisation chart",
    ),
    "cut_depth": (
        "katkaistu {limit} solmuun: pienennä syvyyttä tai nosta rajaa",
        "avbruten vid {limit} noder: minska djupet eller höj gränsen",
        "cut at {limit} nodes: lower the depth or raise the limit",
    ),
    "title_graph": ("Koko verkko", "Hela grafen", "The whole graph"),
    "title_graph_filtered": (
        "Koko verkko (suodatettu)",
        "Hela grafen (filtrerad)",
        "The whole graph (filtered)",
    ),
    "cut_narrow": (
        "katkaistu {limit} solmuun: rajaa näkymää tai nosta rajaa",
        "avbruten vid {limit} noder: avgränsa vyn eller höj gränsen",
        "cut at {limit} nodes: narrow the view or raise the limit",
    ),
    "cut_filter": (
        "katkaistu {limit} solmuun: suodata tyypin, lajin, suhteen tai ohjausmuodon mukaan",
        "avbruten vid {limit} noder: filtrera efter typ, slag, relation eller styrform",
        "cut at {limit} nodes: filter by type, kind, relationship or mode",
    ),
    "no_chair": (
        "toimielimen puheenjohtajaa ei ole mainittu",
        "organets ordförande anges inte",
        "no chair is stated for this body",
    ),
    "no_path": (
        "ei polkua, jossa olisi enintään {steps} askelta",
        "ingen väg med högst {steps} steg",
        "no path of at most {steps} steps",
    ),
    "not_yet_valid": (
        "{entity} ei ollut vielä olemassa {day}: voimassa {valid_from} alkaen; "
        "tältä päivältä ei ole vastausta",
        "{entity} fanns ännu inte {day}: giltig från {valid_from}; för den dagen finns inget svar",
        "{entity} did not exist yet on {day}: it is valid from {valid_from}; "
        "nothing is answered for that day",
    ),
    "ended": (
        "{entity} oli lakannut {day} mennessä: voimassa {valid_to} asti; "
        "tältä päivältä ei ole vastausta",
        "{entity} hade upphört {day}: giltig till {valid_to}; för den dagen finns inget svar",
        "{entity} had ended by {day}: it was valid to {valid_to}; nothing is answered for that day",
    ),
    # tooltips and the details panel
    "valid": ("voimassa {start} – {end}", "giltig {start} – {end}", "valid {start} – {end}"),
    "undated": (
        "ajoittamaton: päivämääriä ei ole kirjattu",
        "odaterad: inga datum har registrerats",
        "undated: no dates recorded",
    ),
    "date_as_given": ("päiväys lähteen sanoin", "datum enligt källan", "date as given"),
    "assertion": ("tiedon peruste", "uppgiftens grund", "assertion"),
    "name_in": ("nimi ({code})", "namn ({code})", "name ({code})"),
    "abbr_in": ("lyhenne ({code})", "förkortning ({code})", "abbr. ({code})"),
    "gloss_in": ("selite ({code})", "förklaring ({code})", "gloss ({code})"),
    "basis": ("paikan peruste", "platsens grund", "basis"),
    "designated_by": ("määrännyt", "förordnad av", "designated by"),
    "appointed_by": ("nimittänyt", "utnämnd av", "appointed by"),
    "on_behalf_of": ("edustaa", "företräder", "on behalf of"),
    "via_post": ("tehtävän kautta", "via befattningen", "via post"),
    "title_as_given": ("nimike lähteessä", "titel enligt källan", "title as given"),
    # the explorer
    "explorer": ("OrgMap-karttaselain", "OrgMap-utforskaren", "OrgMap explorer"),
    "find": (
        "Hae kohde (mikä tahansa nimi, fi / sv / en)",
        "Sök (vilket namn som helst, fi / sv / en)",
        "Find an entity (any name, fi / sv / en)",
    ),
    "find_example": (
        "esim. TEM, ministeriö, Peltonen",
        "t.ex. ANM, ministeriet, Peltonen",
        "e.g. TEM, ministry, Peltonen",
    ),
    "view": ("Näkymä", "Vy", "View"),
    "depth": ("Syvyys", "Djup", "Depth"),
    "to": ("Mihin (kohteen tunniste)", "Till (id)", "To (entity id)"),
    "to_example": ("esim. org-ntm-keskukset", "t.ex. org-ntm-keskukset", "e.g. org-ntm-keskukset"),
    "rel_types": (
        "Suhdetyypit (ei valintaa = kaikki)",
        "Relationstyper (inget val = alla)",
        "Relationship types (none = all)",
    ),
    "modes": (
        "Ohjausmuodot (ei valintaa = kaikki)",
        "Styrformer (inget val = alla)",
        "Steering modes (none = all)",
    ),
    "lang": ("Kieli", "Språk", "Language"),
    "as_of": ("Ajankohta", "Per datum", "As of"),
    "draw": ("Piirrä", "Rita", "Draw"),
    "download_as": ("Lataa muodossa", "Ladda ner som", "Download as"),
    "download": ("Lataa tämä näkymä", "Ladda ner vyn", "Download this view"),
    "map": ("kartta", "karta", "map"),
    "pick_first": (
        "Hae ja valitse ensin kohde.",
        "Sök och välj först vad kartan ska visa.",
        "Find and pick an entity first.",
    ),
    "drawing": ("Piirretään…", "Ritar…", "Drawing…"),
    "no_details": ("Ei tietoja.", "Inga uppgifter.", "No details."),
    "details_failed": (
        "Tietoja ei voitu hakea.",
        "Uppgifterna kunde inte hämtas.",
        "Could not load the details.",
    ),
    "draw_failed": (
        "Näkymää ei voitu piirtää.",
        "Vyn kunde inte ritas.",
        "The view could not be drawn.",
    ),
    "retired": ("ei enää voimassa", "inte längre aktuell", "no longer current"),
}

VOCABULARY: dict[type[StrEnum], dict[str, Three]] = {
    Label: {
        "Organization": ("organisaatio", "organisation", "organisation"),
        "Person": ("henkilö", "person", "person"),
        "Post": ("tehtävä", "befattning", "post"),
        "Project": ("hanke", "projekt", "project"),
        "Document": ("asiakirja", "dokument", "document"),
        "Event": ("tapahtuma", "händelse", "event"),
        "Goal": ("tavoite", "mål", "goal"),
        "Source": ("lähde", "källa", "source"),
    },
    RelType: {
        "STEERS": ("ohjaa", "styr", "steers"),
        "MEMBER_OF": ("jäsenenä", "medlem i", "member of"),
        "HOLDS": ("hoitaa tehtävää", "innehar", "holds"),
        "POST_IN": ("tehtävä organisaatiossa", "befattning i", "post in"),
        "PART_OF": ("osana", "del av", "part of"),
        "PREPARES_FOR": ("valmistelee asioita", "bereder ärenden för", "prepares for"),
        "SUPPORTS": ("tukee", "stöder", "supports"),
        "COOPERATES_WITH": ("tekee yhteistyötä", "samarbetar med", "cooperates with"),
        "ORGANISES": ("järjestää", "anordnar", "organises"),
        "PARTICIPATES_IN": ("osallistuu", "deltar i", "participates in"),
        "PARTY_TO": ("osapuolena", "part i", "party to"),
        "PRODUCES": ("tuottaa", "tar fram", "produces"),
        "HAS_GOAL": ("tavoitteena", "har som mål", "has goal"),
        "CONCERNS": ("koskee", "gäller", "concerns"),
        "DERIVES_FROM": ("pohjautuu", "bygger på", "derives from"),
        "CONTACT_FOR": ("yhteyshenkilö", "kontaktperson för", "contact for"),
    },
    SteeringMode: {
        "administrative": ("hallinnollinen ohjaus", "administrativ styrning", "administrative"),
        "performance": ("tulosohjaus", "resultatstyrning", "performance"),
        "development": ("kehittämisohjaus", "utvecklingsstyrning", "development"),
        "coordination": ("yhteensovittaminen", "samordning", "coordination"),
        "oversight": ("valvonta", "tillsyn", "oversight"),
        "internal_guidance": ("sisäinen ohjaus", "intern styrning", "internal guidance"),
        "unspecified": ("ohjausmuotoa ei mainita", "styrform anges inte", "mode not named"),
    },
    Assertion: {
        "stated": ("todettu lähteessä", "anges i källan", "stated"),
        "implied": ("johdettavissa lähteestä", "framgår indirekt av källan", "implied"),
        "inferred": ("päätelty lähteistä", "härlett ur källorna", "inferred"),
    },
    MemberRole: {
        "chair": ("puheenjohtaja", "ordförande", "chair"),
        "member": ("jäsen", "ledamot", "member"),
        "expert_member": ("asiantuntijajäsen", "sakkunnig ledamot", "expert member"),
        "representative": ("edustaja", "representant", "representative"),
        "staff": ("henkilöstöä", "personal", "staff"),
    },
    MembershipBasis: {
        "ex_officio": ("viran puolesta", "på tjänstens vägnar", "ex officio"),
        "designated": ("määrätty", "förordnad", "designated"),
        "appointed": ("nimitetty", "utnämnd", "appointed"),
        "via_post": ("tehtävän perusteella", "genom befattning", "via a post"),
    },
    PartOfKind: {
        "unit_of": ("yksikkö", "enhet inom", "unit of"),
        "subordinate_to": ("alainen", "underställd", "subordinate to"),
        "body_of": ("toimielin", "organ inom", "body of"),
        "member_org_of": ("jäsenorganisaatio", "medlemsorganisation i", "member organisation of"),
        "member_of_collective": ("kuuluu joukkoon", "ingår i kollektivet", "member of collective"),
        "subset_of": ("osajoukko", "delmängd av", "subset of"),
        "within": ("sisältyy", "ingår i", "within"),
        "ministry_of_branch": (
            "hallinnonalan ministeriö",
            "förvaltningsområdets ministerium",
            "ministry of branch",
        ),
        "example_of": ("esimerkki", "exempel på", "example of"),
        "series_member": ("sarjan osa", "del av serie", "in series"),
        "component_of": ("osatekijä", "beståndsdel i", "component of"),
    },
    SupportMode: {
        "support_in_preparation": ("valmistelun tuki", "stöd i beredningen", "preparation"),
        "handles_assigned_matters": (
            "käsittelee sille osoitetut asiat",
            "behandlar tilldelade ärenden",
            "handles assigned matters",
        ),
        "information_and_discussion": (
            "tiedonvaihto ja keskustelu",
            "information och diskussion",
            "information and discussion",
        ),
        "networking_and_training": (
            "verkostoituminen ja koulutus",
            "nätverkande och utbildning",
            "networking and training",
        ),
        "process_support": ("prosessituki", "processtöd", "process support"),
        "input": ("aineisto", "underlag", "input"),
        "expert_support": ("asiantuntijatuki", "expertstöd", "expert support"),
        "staff_office": ("esikuntatehtävä", "stabsfunktion", "staff office"),
        "serves": ("palvelee", "betjänar", "serves"),
        "enables": ("mahdollistaa", "möjliggör", "enables"),
    },
    CooperationMode: {
        "general": ("yleinen", "allmänt", "general"),
        "especially": ("erityisesti", "särskilt", "especially"),
        "joint_provision": (
            "yhteinen järjestäminen",
            "gemensamt anordnande",
            "joint provision",
        ),
    },
    OrganiseRole: {
        "organiser": ("järjestäjä", "arrangör", "organiser"),
        "co_provider": ("yhteistoteuttaja", "medarrangör", "co-provider"),
        "appointing_body": ("asettaja", "tillsättande organ", "appointing body"),
        "owner": ("omistaja", "ägare", "owner"),
        "holder": ("haltija", "innehavare", "holder"),
        "facilitator": ("fasilitaattori", "processledare", "facilitator"),
        "inviter": ("kutsuja", "inbjudare", "inviter"),
    },
    ParticipationRole: {
        "participant": ("osallistuja", "deltagare", "participant"),
        "invitee": ("kutsuttu", "inbjuden", "invitee"),
        "target_audience": ("kohderyhmä", "målgrupp", "target audience"),
        "presenter": ("esittäjä", "föredragande", "presenter"),
    },
    PartyRole: {
        "party": ("osapuoli", "part", "party"),
        "subject": ("kohde", "föremål", "subject"),
    },
    ProduceMode: {
        "authors": ("laatii", "författar", "authors"),
        "creates": ("luo", "skapar", "creates"),
        "sets": ("asettaa", "fastställer", "sets"),
        "drafts": ("luonnostelee", "utarbetar utkast", "drafts"),
        "proposes": ("ehdottaa", "föreslår", "proposes"),
        "decides": ("päättää", "beslutar", "decides"),
        "contributes": ("osallistuu laatimiseen", "bidrar", "contributes"),
    },
    ConcernsMode: {
        "about": ("käsittelee", "handlar om", "about"),
        "covers": ("kattaa", "omfattar", "covers"),
        "assesses": ("arvioi", "bedömer", "assesses"),
        "removes": ("poistaa", "avskaffar", "removes"),
    },
    DerivesMode: {
        "replaces": ("korvaa", "ersätter", "replaces"),
        "linked_from": ("linkitetty", "länkad från", "linked from"),
        "takes_into_account": ("ottaa huomioon", "beaktar", "takes into account"),
        "formed_by_alumni_of": (
            "entisten osallistujien muodostama",
            "bildad av tidigare deltagare i",
            "formed by alumni of",
        ),
    },
    ContactBasis: {
        "explicit": ("nimetty yhteyshenkilöksi", "uttryckligen angiven", "explicit"),
        "page_position": (
            "sivun sijoittelun perusteella",
            "utifrån sidans upplägg",
            "page position",
        ),
    },
    ContactChannel: {
        "email": ("sähköposti", "e-post", "email"),
        "phone": ("puhelin", "telefon", "phone"),
    },
    ViewName: {
        "neighbourhood": (
            "lähiympäristö – kohteet muutaman askeleen päässä valitusta",
            "närområde – det som ligger några steg från den valda",
            "neighbourhood – the entities within k hops of one",
        ),
        "steered-by": (
            "kuka ohjaa – ohjauspuu valitun yläpuolella",
            "vem styr – styrträdet ovanför den valda",
            "steered by – the steering tree above an entity",
        ),
        "steers": (
            "ketä ohjaa – ohjauspuu valitun alapuolella",
            "vem den styr – styrträdet nedanför den valda",
            "steers – the steering tree below an entity",
        ),
        "members": (
            "kokoonpano – toimielimen paikat, tehtävät ja niiden hoitajat",
            "sammansättning – organets platser, befattningar och deras innehavare",
            "composition – a body's seats, posts and their holders",
        ),
        "preparation-chain": (
            "valmisteluketju – kenelle toimielin valmistelee asioita, ja siitä ylöspäin",
            "beredningskedja – för vem organet bereder ärenden, och vidare uppåt",
            "preparation chain – whom a body prepares matters for, and on up",
        ),
        "paths": (
            "polut – lyhimmät yhteydet kahden kohteen välillä",
            "vägar – de kortaste förbindelserna mellan två objekt",
            "paths – the shortest paths between two entities",
        ),
        "org-chart": (
            "organisaatiokaavio – organisaation yksiköt, tehtävät ja niiden hoitajat",
            "organisationsschema – organisationens enheter, befattningar och innehavare",
            "organisation chart – an organisation's units, posts and their holders",
        ),
        "graph": (
            "koko verkko – suodatettuna tyypin, lajin, suhteen ja ohjausmuodon mukaan",
            "hela grafen – filtrerad efter typ, slag, relation och styrform",
            "the whole graph – filtered by type, kind, relationship and mode",
        ),
    },
}

WORDS: dict[str, Three] = {
    **UI,
    **{
        f"{enum.__name__}.{value}": w
        for enum, table in VOCABULARY.items()
        for value, w in table.items()
    },
}
"""The one table: UI words by name, the vocabulary's as `Enum.value` (e.g. `RelType.STEERS`)."""

LANG_NAMES = {Lang.FI: "suomi", Lang.SV: "svenska", Lang.EN: "English"}  # each in its own


def say(key: str, lang: Lang, **values: object) -> str:
    """The words for `key` in `lang`, with `values` filled in (a name stays as it is)."""
    text = WORDS[key][_INDEX[lang]]
    return text.format(**values) if values else text


def term(value: StrEnum, lang: Lang) -> str:
    """A vocabulary value in words."""
    return say(f"{type(value).__name__}.{value.value}", lang)


@cache
def qualifier_enum(rel: RelType) -> type[StrEnum] | None:
    """The enum of a relationship type's qualifier (STEERS: SteeringMode), from the model."""
    model = EDGE_MODELS[rel]
    if model.qualifier_field is None:
        return None
    annotation = model.model_fields[model.qualifier_field].annotation
    return annotation if isinstance(annotation, type) and issubclass(annotation, StrEnum) else None


def qualifier_word(rel: RelType, qualifier: str, lang: Lang) -> str:
    enum = qualifier_enum(rel)
    if enum is None or qualifier not in enum.__members__.values():
        return qualifier
    return term(enum(qualifier), lang)


def kind_word(label: Label, kind: str, lang: Lang) -> str:
    """A node's kind by its name in kind_words.py (the kind itself where none is listed)."""
    enum = KIND_ENUMS.get(label)
    if enum is None or kind not in enum.__members__.values():
        return kind
    return KIND_WORDS[enum(kind)][lang][0]


def table(lang_keys: Iterable[str]) -> dict[str, Mapping[str, str]]:
    """Some keys in every language, for a page's script: {key: {fi, sv, en}}."""
    return {key: {lang.value: say(key, lang) for lang in Lang} for key in lang_keys}


def seat_words(attributes: Mapping[str, object], lang: Lang) -> str:
    """How a seat is held, e.g. 'puheenjohtaja · viran puolesta' (empty without a role)."""
    parts = [
        say(f"{enum}.{attributes[field]}", lang)
        for field, enum in (("role", "MemberRole"), ("basis", "MembershipBasis"))
        if f"{enum}.{attributes.get(field)}" in WORDS
    ]
    return " · ".join(parts)
