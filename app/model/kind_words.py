"""The words a person types for each kind, in Finnish, Swedish and English.

Search finds a node by its kind's words: `resultatområde`, `tulosalue` and `result area` all
find the result areas. These are our own vocabulary's translations, not facts from a source,
with the inflected forms people commonly type (plural; Swedish definite forms; Finnish genitive).
Search matches a word or its beginning, so a form need not be listed when a longer one starts
with it as typed ('ministeriöt' covers 'ministeriö'). Every kind of every label has words in
all three languages (a test checks it).
"""

from collections.abc import Mapping
from enum import StrEnum

from app.model.vocabulary import (
    DocumentKind,
    EventKind,
    GoalKind,
    Label,
    Lang,
    OrgKind,
    PersonKind,
    PostKind,
    ProjectKind,
)

Words = Mapping[Lang, tuple[str, ...]]

KIND_ENUMS: dict[Label, type[StrEnum]] = {
    Label.ORGANIZATION: OrgKind,
    Label.PERSON: PersonKind,
    Label.POST: PostKind,
    Label.PROJECT: ProjectKind,
    Label.DOCUMENT: DocumentKind,
    Label.EVENT: EventKind,
    Label.GOAL: GoalKind,
}


def _words(fi: str, sv: str, en: str) -> Words:
    """Each language's words, separated by ';'."""
    return {
        lang: tuple(w.strip() for w in text.split(";") if w.strip())
        for lang, text in ((Lang.FI, fi), (Lang.SV, sv), (Lang.EN, en))
    }


KIND_WORDS: dict[StrEnum, Words] = {
    # --- organisations ---
    OrgKind.MINISTRY: _words(
        "ministeriö; ministeriöt; ministeriön; ministeriöiden",
        "ministerium; ministeriet; ministerier; ministerierna; departement; departementet; "
        "departementen",
        "ministry; ministries",
    ),
    OrgKind.AGENCY: _words(
        "virasto; virastot; viraston; virastojen; keskusvirasto; keskusvirastot",
        "myndighet; myndigheten; myndigheter; myndigheterna; ämbetsverk; ämbetsverket; "
        "ämbetsverken",
        "agency; agencies; government agency; government agencies",
    ),
    OrgKind.REGIONAL_CENTRE: _words(
        "aluekeskus; aluekeskukset; aluekeskuksen; alueellinen keskus; alueelliset keskukset",
        "regional central; regionala centraler; regionala centralerna; regionalt centrum",
        "regional centre; regional centres; regional center; regional centers",
    ),
    OrgKind.REGIONAL_AGENCY: _words(
        "alueellinen virasto; alueelliset virastot; alueviranomainen; alueviranomaiset",
        "regional myndighet; regionala myndigheter; regionalt ämbetsverk; regionala ämbetsverk",
        "regional agency; regional agencies",
    ),
    OrgKind.REGIONAL_OFFICE: _words(
        "aluetoimisto; aluetoimistot; aluetoimiston; alueellinen toimisto; alueelliset toimistot",
        "regionkontor; regionkontoret; regionkontoren; regional byrå; regionala byråer",
        "regional office; regional offices",
    ),
    OrgKind.STATE_COMPANY: _words(
        "valtionyhtiö; valtionyhtiöt; valtionyhtiön; valtion yhtiö; valtion yhtiöt",
        "statligt bolag; statliga bolag; statsbolag; statsbolaget; statsbolagen",
        "state company; state companies; state-owned company; state-owned companies",
    ),
    OrgKind.UNIT: _words(
        "yksikkö; yksiköt; yksikön; osasto; osastot; osaston",
        "enhet; enheten; enheter; enheterna; avdelning; avdelningen; avdelningar; avdelningarna",
        "unit; units; department; departments; division; divisions",
    ),
    OrgKind.ADMINISTRATIVE_BRANCH: _words(
        "hallinnonala; hallinnonalat; hallinnonalan; hallinnonalojen",
        "förvaltningsområde; förvaltningsområdet; förvaltningsområden; förvaltningsområdena",
        "administrative branch; administrative branches; branch of government",
    ),
    OrgKind.MINISTRY_GROUP: _words(
        "konserni; konsernit; konsernin; ministeriökonserni; ministeriökonsernin",
        "koncern; koncernen; koncerner; koncernerna",
        "ministry group; ministry groups; ministry's group; group of agencies",
    ),
    OrgKind.SECTOR: _words(
        "sektori; sektorit; sektorin; toimiala; toimialat; toimialan",
        "sektor; sektorn; sektorer; sektorerna",
        "sector; sectors",
    ),
    OrgKind.COLLECTIVE: _words(
        "joukko; joukot; kollektiivi; kollektiivit; toimijoiden joukko",
        "kollektiv; kollektivet; grupp av organ; samling",
        "collective; collectives; set of bodies",
    ),
    OrgKind.MANAGEMENT_GROUP: _words(
        "johtoryhmä; johtoryhmät; johtoryhmän; johtoryhmien",
        "ledningsgrupp; ledningsgruppen; ledningsgrupper; ledningsgrupperna",
        "management group; management groups; management team; management teams; "
        "leadership team; leadership teams",
    ),
    OrgKind.PREPARATORY_GROUP: _words(
        "valmisteluryhmä; valmisteluryhmät; valmisteluryhmän",
        "beredningsgrupp; beredningsgruppen; beredningsgrupper; beredningsgrupperna",
        "preparatory group; preparatory groups",
    ),
    OrgKind.STEERING_GROUP: _words(
        "ohjausryhmä; ohjausryhmät; ohjausryhmän",
        "styrgrupp; styrgruppen; styrgrupper; styrgrupperna",
        "steering group; steering groups; steering committee; steering committees",
    ),
    OrgKind.WORKING_GROUP: _words(
        "työryhmä; työryhmät; työryhmän",
        "arbetsgrupp; arbetsgruppen; arbetsgrupper; arbetsgrupperna",
        "working group; working groups; task force; task forces",
    ),
    OrgKind.MANAGERS_GROUP: _words(
        "esihenkilöryhmä; esihenkilöryhmät; esimiesryhmä; päällikköryhmä; päälliköiden ryhmä",
        "chefsgrupp; chefsgruppen; chefsgrupper; chefsgrupperna",
        "managers' group; managers' groups",
    ),
    OrgKind.FORUM: _words(
        "foorumi; foorumit; foorumin",
        "forum; forumet; forumen",
        "forum; forums; fora",
    ),
    OrgKind.NETWORK: _words(
        "verkosto; verkostot; verkoston",
        "nätverk; nätverket; nätverken",
        "network; networks",
    ),
    OrgKind.INFORMAL_GROUP: _words(
        "epävirallinen ryhmä; epäviralliset ryhmät; epävirallisen ryhmän",
        "informell grupp; informella grupper; informella grupperna",
        "informal group; informal groups",
    ),
    OrgKind.BOARD: _words(
        "hallitus; hallitukset; hallituksen; johtokunta; johtokunnat; johtokunnan",
        "styrelse; styrelsen; styrelser; styrelserna",
        "board; boards; board of directors",
    ),
    OrgKind.PARTY: _words(
        "puolue; puolueet; puolueen; eduskuntaryhmä; eduskuntaryhmät",
        "parti; partiet; partier; partierna; riksdagsgrupp; riksdagsgruppen",
        "party; parties; political party; parliamentary group",
    ),
    OrgKind.LEGISLATURE: _words(
        "eduskunta; eduskunnan; parlamentti; parlamentin",
        "riksdag; riksdagen; parlament; parlamentet",
        "legislature; legislatures; parliament; parliaments",
    ),
    OrgKind.GOVERNMENT: _words(
        "hallitus; hallituksen; valtioneuvosto; valtioneuvoston",
        "regering; regeringen; regeringar; statsrådet",
        "government; governments; cabinet",
    ),
    OrgKind.OTHER: _words(
        "muu elin; muut elimet",
        "annat organ; andra organ",
        "other body; other bodies",
    ),
    # --- persons ---
    PersonKind.PERSON: _words(
        "henkilö; henkilöt; henkilön",
        "person; personen; personer; personerna",
        "person; persons; people",
    ),
    # --- posts ---
    PostKind.MINISTER: _words(
        "ministeri; ministerit; ministerin",
        "minister; ministern; ministrar; ministrarna; statsråd",
        "minister; ministers",
    ),
    PostKind.PERMANENT_SECRETARY: _words(
        "kansliapäällikkö; kansliapäälliköt; kansliapäällikön",
        "kanslichef; kanslichefen; kanslichefer; kanslicheferna",
        "permanent secretary; permanent secretaries",
    ),
    PostKind.UNDER_SECRETARY_OF_STATE: _words(
        "alivaltiosihteeri; alivaltiosihteerit; alivaltiosihteerin",
        "understatssekreterare; understatssekreteraren; understatssekreterarna",
        "under-secretary of state; under-secretaries of state",
    ),
    PostKind.HEAD_OF_DEPARTMENT: _words(
        "osastopäällikkö; osastopäälliköt; osastopäällikön",
        "avdelningschef; avdelningschefen; avdelningschefer; avdelningscheferna",
        "head of department; heads of department",
    ),
    PostKind.DIRECTOR_GENERAL: _words(
        "ylijohtaja; ylijohtajat; ylijohtajan; pääjohtaja; pääjohtajat; pääjohtajan",
        "generaldirektör; generaldirektören; generaldirektörer; överdirektör; överdirektören",
        "director-general; directors-general",
    ),
    PostKind.HEAD_OF_UNIT: _words(
        "yksikönpäällikkö; yksikönpäälliköt; yksikön päällikkö; yksiköiden päälliköt",
        "enhetschef; enhetschefen; enhetschefer; enhetscheferna",
        "head of unit; heads of unit",
    ),
    PostKind.HEAD_OF_ORGANISATION: _words(
        "viraston päällikkö; virastojen päälliköt; organisaation johtaja; päällikkö; päälliköt",
        "myndighetschef; myndighetschefen; myndighetschefer; myndighetscheferna",
        "head of organisation; heads of organisations; head of organization; "
        "heads of organizations; head of agency",
    ),
    PostKind.CHAIR: _words(
        "puheenjohtaja; puheenjohtajat; puheenjohtajan",
        "ordförande; ordföranden",
        "chair; chairs; chairperson; chairman; chairwoman",
    ),
    PostKind.JOB_TITLE: _words(
        "nimike; nimikkeet; virkanimike; virkanimikkeet; tehtävänimike; tehtävänimikkeet",
        "titel; titeln; titlar; tjänstetitel; befattning; befattningen",
        "job title; job titles; post title",
    ),
    PostKind.ROLE_CLASS: _words(
        "rooli; roolit; roolin; henkilöryhmä; henkilöryhmät",
        "roll; rollen; roller; rollerna; personkategori",
        "role class; role classes; role; roles",
    ),
    # --- projects ---
    ProjectKind.PROJECT: _words(
        "hanke; hankkeet; hankkeen; projekti; projektit; projektin",
        "projekt; projektet; projekten",
        "project; projects",
    ),
    ProjectKind.PROGRAMME: _words(
        "ohjelma; ohjelmat; ohjelman",
        "program; programmet; programmen",
        "programme; programmes; program; programs",
    ),
    ProjectKind.PORTFOLIO: _words(
        "salkku; hankesalkku; hankesalkut; portfolio; portfoliot",
        "portfölj; portföljen; portföljer; projektportfölj",
        "portfolio; portfolios; project portfolio",
    ),
    ProjectKind.INTERNAL_INITIATIVE: _words(
        "sisäinen hanke; sisäiset hankkeet; sisäinen kehittämistyö",
        "intern satsning; interna satsningar; internt initiativ; interna initiativ",
        "internal initiative; internal initiatives",
    ),
    # --- documents ---
    DocumentKind.STRATEGY_DOCUMENT: _words(
        "strategia-asiakirja; strategia-asiakirjat; strategia-asiakirjan",
        "strategidokument; strategidokumentet; strategidokumenten",
        "strategy document; strategy documents",
    ),
    DocumentKind.PERFORMANCE_AGREEMENT: _words(
        "tulossopimus; tulossopimukset; tulossopimuksen",
        "resultatavtal; resultatavtalet; resultatavtalen",
        "performance agreement; performance agreements",
    ),
    DocumentKind.GOVERNMENT_PROGRAMME: _words(
        "hallitusohjelma; hallitusohjelmat; hallitusohjelman",
        "regeringsprogram; regeringsprogrammet; regeringsprogrammen",
        "government programme; government programmes; government program",
    ),
    DocumentKind.BUDGET: _words(
        "talousarvio; talousarviot; talousarvion; budjetti; budjetin",
        "budget; budgeten; budgetar; statsbudget; statsbudgeten",
        "budget; budgets",
    ),
    DocumentKind.SPENDING_LIMITS: _words(
        "kehykset; kehysten; valtiontalouden kehykset; julkisen talouden suunnitelma",
        "ramar; ramarna; utgiftsramar; utgiftsramarna",
        "spending limits; spending limit; budget framework; expenditure ceiling",
    ),
    DocumentKind.OUTPUT: _words(
        "tuotos; tuotokset; tuotoksen",
        "arbetsprodukt; arbetsprodukter; leverans; leveranser",
        "output; outputs; deliverable; deliverables",
    ),
    DocumentKind.ACTION_PROGRAMME: _words(
        "toimenpideohjelma; toimenpideohjelmat; toimenpideohjelman; toimintaohjelma",
        "åtgärdsprogram; åtgärdsprogrammet; åtgärdsprogrammen; handlingsprogram; handlingsplan",
        "action programme; action programmes; action plan; action plans",
    ),
    DocumentKind.STEERING_MODEL: _words(
        "ohjausmalli; ohjausmallit; ohjausmallin",
        "styrmodell; styrmodellen; styrmodeller; styrstruktur; styrstrukturen",
        "steering model; steering models; governance model",
    ),
    DocumentKind.STRATEGY: _words(
        "strategia; strategiat; strategian",
        "strategi; strategin; strategier; strategierna",
        "strategy; strategies",
    ),
    DocumentKind.INDICATOR_SET: _words(
        "mittaristo; mittaristot; mittariston; indikaattorit",
        "indikatorer; indikatorerna; indikatoruppsättning",
        "indicator set; indicator sets; indicators",
    ),
    DocumentKind.OPERATING_PRINCIPLES: _words(
        "toimintaperiaatteet; toimintaperiaate; toimintaperiaatteiden",
        "verksamhetsprinciper; verksamhetsprinciperna; arbetsprinciper",
        "operating principles; operating principle; working principles",
    ),
    DocumentKind.GUIDELINES: _words(
        "ohjeet; ohjeistus; linjaukset; suuntaviivat",
        "riktlinjer; riktlinjerna; anvisningar",
        "guidelines; guideline; guidance",
    ),
    DocumentKind.PUBLICATION: _words(
        "julkaisu; julkaisut; julkaisun; raportti; raportit",
        "publikation; publikationen; publikationer; rapport; rapporten; rapporter",
        "publication; publications; report; reports",
    ),
    DocumentKind.DISCUSSION_INITIATIVE: _words(
        "keskustelualoite; keskustelualoitteet; keskustelualoitteen",
        "diskussionsunderlag; diskussionsunderlaget; diskussionsinitiativ",
        "discussion initiative; discussion initiatives; discussion paper",
    ),
    # --- events ---
    EventKind.EVENT: _words(
        "tapahtuma; tapahtumat; tapahtuman",
        "evenemang; evenemanget; händelse; händelsen; händelser",
        "event; events",
    ),
    EventKind.EVENT_SERIES: _words(
        "tapahtumasarja; tapahtumasarjat; tapahtumasarjan",
        "evenemangsserie; evenemangsserien; evenemangsserier",
        "event series",
    ),
    EventKind.MEETING: _words(
        "kokous; kokoukset; kokouksen; tapaaminen",
        "möte; mötet; möten; mötena; sammanträde",
        "meeting; meetings",
    ),
    EventKind.MEETING_SERIES: _words(
        "kokoussarja; kokoussarjat; kokoussarjan; säännölliset kokoukset",
        "mötesserie; mötesserien; mötesserier; återkommande möten",
        "meeting series; recurring meetings",
    ),
    EventKind.WORKSHOP_SERIES: _words(
        "työpajasarja; työpajasarjat; työpajat",
        "workshopserie; workshopserien; workshopar",
        "workshop series; workshops",
    ),
    EventKind.DECISION: _words(
        "päätös; päätökset; päätöksen",
        "beslut; beslutet; besluten",
        "decision; decisions",
    ),
    EventKind.PLANNING_CYCLE: _words(
        "suunnittelukierros; suunnittelukierrokset; suunnittelusykli; toiminnan suunnittelu",
        "planeringscykel; planeringscykeln; verksamhetsplanering; verksamhetsplaneringen",
        "planning cycle; planning cycles; planning round",
    ),
    EventKind.REFORM: _words(
        "uudistus; uudistukset; uudistuksen; reformi",
        "reform; reformen; reformer; reformerna",
        "reform; reforms",
    ),
    # --- goals ---
    GoalKind.OVERARCHING_GOAL: _words(
        "yleistavoite; yleistavoitteet; päätavoite; päätavoitteet; kokonaistavoite",
        "övergripande mål; övergripande målet; övergripande målen",
        "overarching goal; overarching goals",
    ),
    GoalKind.RESULT_AREA: _words(
        "tulosalue; tulosalueet; tulosalueen; tulosalueiden",
        "resultatområde; resultatområdet; resultatområden; resultatområdena",
        "result area; result areas",
    ),
    GoalKind.OBJECTIVE: _words(
        "tavoite; tavoitteet; tavoitteen; tavoitteiden",
        "mål; målet; målen; delmål",
        "objective; objectives; goal; goals; aim",
    ),
    GoalKind.VISION: _words(
        "visio; visiot; vision; tulevaisuuskuva",
        "vision; visionen; visioner",
        "vision; visions",
    ),
    GoalKind.BUSINESS_IDEA: _words(
        "toiminta-ajatus; toiminta-ajatukset; toiminta-ajatuksen",
        "verksamhetsidé; verksamhetsidén; affärsidé; affärsidén",
        "business idea; mission statement",
    ),
    GoalKind.TARGET_IMAGE: _words(
        "tavoitetila; tavoitetilat; tavoitekuva; tavoitekuvat",
        "målbild; målbilden; målbilder",
        "target image; target state; desired state",
    ),
    GoalKind.INTERNAL_GOAL: _words(
        "sisäinen tavoite; sisäiset tavoitteet",
        "internt mål; interna mål; interna målen",
        "internal goal; internal goals",
    ),
    GoalKind.PRIORITY: _words(
        "painopiste; painopisteet; painopisteen; prioriteetti; prioriteetit",
        "prioritering; prioriteringen; prioriteringar; prioriteringarna",
        "priority; priorities",
    ),
}


def kind_words(kind: StrEnum) -> list[str]:
    """Every word for a kind, all three languages, then the kind's own value."""
    words = KIND_WORDS[kind]
    return [*words[Lang.FI], *words[Lang.SV], *words[Lang.EN], kind.value]
