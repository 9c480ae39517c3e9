"""A synthetic but realistic administration, for scale tests and benchmarks.

Ministries steer agencies (administratively, and by performance through agreements), agencies
have units and regional centres with subordinate offices; management and preparatory groups
have ex-officio seats, chairs and rotating members; persons hold posts over time; bodies are
reorganised (ended, succeeded). Names in fi / sv / en. Deterministic for a given seed, about
2.5 relationships per node, written as seed-data CSV files that `orgmap validate` accepts.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv

from app.ingest.csv_columns import EDGE_COMMON_COLUMNS, EDGE_OWN_COLUMNS, node_columns
from app.model.vocabulary import Label

SOURCE_ID = "src-synthetic"
SOURCE_FILE = "synthetic-register.txt"
# The register every synthetic fact quotes: one sentence per kind of fact.
QUOTES = {
    "org": "The register lists the organisation.",
    "post": "The register lists the post.",
    "person": "The register lists the person.",
    "project": "The register lists the project.",
    "document": "The register lists the document.",
    "steers": "The ministry steers the body.",
    "part_of": "The body is part of the organisation.",
    "post_in": "The post is in the organisation.",
    "holds": "The person holds the post.",
    "member_of": "The seat or person is a member of the group.",
    "party_to": "The body is party to the agreement.",
    "organises": "The organisation organises the project.",
    "concerns": "The project concerns the organisation.",
    "derives_from": "The agreement derives from the strategy.",
    "prepares_for": "The group prepares matters for the group.",
    "supports": "The group supports the post.",
    "participates_in": "The post participates in the project.",
    "cooperates_with": "The organisations cooperate.",
    "produces": "The group produces the document.",
}
_FIELDS = [  # (fi, sv, en)
    ("liikenne", "trafik", "transport"),
    ("ympäristö", "miljö", "environment"),
    ("talous", "ekonomi", "economy"),
    ("työ", "arbete", "employment"),
    ("opetus", "undervisning", "education"),
    ("kulttuuri", "kultur", "culture"),
    ("terveys", "hälsa", "health"),
    ("maatalous", "jordbruk", "agriculture"),
    ("energia", "energi", "energy"),
    ("digitalisaatio", "digitalisering", "digitalisation"),
    ("turvallisuus", "säkerhet", "security"),
    ("asuminen", "boende", "housing"),
    ("tilasto", "statistik", "statistics"),
    ("vero", "skatt", "tax"),
    ("meri", "sjöfart", "maritime"),
    ("metsä", "skog", "forestry"),
]
_REGIONS = [  # (fi, sv)
    ("Uusimaa", "Nyland"),
    ("Pirkanmaa", "Birkaland"),
    ("Lappi", "Lappland"),
    ("Pohjanmaa", "Österbotten"),
    ("Kainuu", "Kajanaland"),
    ("Satakunta", "Satakunta"),
    ("Häme", "Tavastland"),
    ("Karjala", "Karelen"),
    ("Savo", "Savolax"),
]
_GIVEN = [
    "Aino",
    "Matti",
    "Liisa",
    "Jussi",
    "Anna",
    "Pekka",
    "Sofia",
    "Erik",
    "Maria",
    "Timo",
    "Åsa",
    "Jörgen",
    "Päivi",
    "Olli",
    "Elina",
    "Ville",
    "Kaisa",
    "Mikael",
]
_FAMILY = [
    "Virtanen",
    "Korhonen",
    "Nieminen",
    "Mäkinen",
    "Lindqvist",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Söderberg",
    "Öhman",
    "Salo",
]
_GROUP_KINDS = [
    ("management_group", "johtoryhmä", "ledningsgrupp", "management group"),
    ("preparatory_group", "valmisteluryhmä", "beredningsgrupp", "preparatory group"),
    ("steering_group", "ohjausryhmä", "styrgrupp", "steering group"),
    ("forum", "foorumi", "forum", "forum"),
    ("network", "verkosto", "nätverk", "network"),
]


@dataclass
class _Table:
    columns: list[str]
    rows: dict[str, list[Any]] = field(default_factory=dict)
    count: int = 0

    def add(self, **values: Any) -> None:
        for column in self.columns:
            self.rows.setdefault(column, []).append(values.get(column))
        self.count += 1

    def write(self, path: Path) -> None:
        data = {
            c: pa.array(self.rows.get(c, [None] * self.count), pa.string()) for c in self.columns
        }
        pacsv.write_csv(pa.table(data), path)


class _Generator:
    def __init__(self, nodes: int, seed: int) -> None:
        self.target = nodes
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
        self.orgs = _Table(node_columns(Label.ORGANIZATION))
        self.posts = _Table(node_columns(Label.POST))
        self.persons = _Table(node_columns(Label.PERSON))
        self.projects = _Table(node_columns(Label.PROJECT))
        self.documents = _Table(node_columns(Label.DOCUMENT))
        self.edges = _Table([*EDGE_COMMON_COLUMNS, *EDGE_OWN_COLUMNS])

    # --- helpers ---------------------------------------------------------------------------
    def _period(self) -> tuple[str, str | None]:
        """A start between 2005 and 2024; one body in ten has ended (a reorganisation)."""
        year = self.rng.randint(2005, 2024)
        start = f"{year}-{self.rng.randint(1, 12):02d}-01"
        if self.rng.random() < 0.1:
            end_year = min(2025, year + self.rng.randint(1, 8))
            return start, f"{end_year}-12-31"
        return start, None

    def _node(self, table: _Table, quote: str, **values: Any) -> str:
        start, end = self._period()
        table.add(
            source=SOURCE_ID,
            quote=QUOTES[quote],
            valid_from=start,
            valid_to=end,
            country="FI",
            **values,
        )
        return str(values["id"])

    def _edge(self, rel: str, start: str, end: str, **values: Any) -> None:
        if start == end:
            return
        self.edges.add(
            id=f"e-{self.edges.count}",
            type=rel.upper(),
            source=SOURCE_ID,
            quote=QUOTES[rel],
            **{"from": start},
            to=end,
            **values,
        )

    def _org(self, oid: str, kind: str, fi: str, sv: str, en: str, **extra: Any) -> str:
        return self._node(
            self.orgs, "org", id=oid, kind=kind, name_fi=fi, name_sv=sv, name_en=en, **extra
        )

    # --- the administration ----------------------------------------------------------------
    def run(self) -> None:
        n, rng = self.target, self.rng
        ministries = []
        for i, (fi, sv, en) in enumerate(_FIELDS[: max(3, min(len(_FIELDS), n // 1000))]):
            oid = self._org(
                f"min-{i}",
                "ministry",
                f"{fi.capitalize()}ministeriö",
                f"{sv.capitalize()}ministeriet",
                f"Ministry of {en.capitalize()}",
                abbr_fi=f"{fi[:2].upper()}M",
            )
            ministries.append((oid, fi, sv, en))
        agencies = []
        for i in range(max(3, n * 3 // 100)):
            ministry, fi, sv, en = rng.choice(ministries)
            oid = self._org(
                f"agency-{i}",
                "agency",
                f"{fi.capitalize()}virasto {i}",
                f"{sv.capitalize()}verket {i}",
                f"{en.capitalize()} Agency {i}",
                alt_names=f"{fi}virasto {i}|{en} agency {i}",
            )
            agencies.append(oid)
            self._edge("steers", ministry, oid, mode="administrative")
            self._edge(
                "steers", ministry, oid, mode="performance", instruments=f"doc-agreement-{i}"
            )
            self._node(
                self.documents,
                "document",
                id=f"doc-agreement-{i}",
                kind="performance_agreement",
                name_fi=f"Tulossopimus {i}",
                name_sv=f"Resultatavtal {i}",
                name_en=f"Performance agreement {i}",
                period_text="hallituskausi",
            )
            self._edge("party_to", oid, f"doc-agreement-{i}", role="party")
        strategies = [f"doc-strategy-{i}" for i in range(len(ministries))]
        for i in range(len(ministries)):
            self._node(
                self.documents,
                "document",
                id=strategies[i],
                kind="strategy_document",
                name_fi=f"Strategia {i}",
                name_sv=f"Strategi {i}",
                name_en=f"Strategy {i}",
            )
        for i in range(len(agencies)):
            self._edge(
                "derives_from",
                f"doc-agreement-{i}",
                rng.choice(strategies),
                mode="takes_into_account",
            )
        centres = []
        for i in range(max(2, n // 100)):
            region_fi, region_sv = rng.choice(_REGIONS)
            oid = self._org(
                f"centre-{i}",
                "regional_centre",
                f"{region_fi}n keskus {i}",
                f"Centralen i {region_sv} {i}",
                f"{region_fi} Centre {i}",
            )
            centres.append(oid)
            for mode in ("administrative", "unspecified", "coordination"):
                self._edge("steers", rng.choice(ministries)[0], oid, mode=mode)
        offices = []
        for i in range(max(2, n * 3 // 100)):
            oid = self._org(
                f"office-{i}", "regional_office", f"Toimisto {i}", f"Byrån {i}", f"Office {i}"
            )
            offices.append(oid)
            self._edge("part_of", oid, rng.choice(centres), kind="subordinate_to")
            if rng.random() < 0.5:  # an agency steers the office (no mode stated)
                self._edge("steers", rng.choice(agencies), oid, mode="unspecified")
        parents = [m[0] for m in ministries] + agencies + centres
        units = []
        for i in range(max(5, n * 20 // 100)):
            fi, sv, en = rng.choice(_FIELDS)
            oid = self._org(
                f"unit-{i}",
                "unit",
                f"{fi.capitalize()}yksikkö {i}",
                f"{sv.capitalize()}enheten {i}",
                f"{en.capitalize()} Unit {i}",
            )
            units.append(oid)
            self._edge("part_of", oid, rng.choice(parents), kind="unit_of")
        orgs = parents + units + offices
        groups = []
        for i in range(max(5, n * 4 // 100)):
            kind, fi, sv, en = rng.choice(_GROUP_KINDS)
            owner = rng.choice(parents)
            oid = self._org(
                f"group-{i}",
                kind,
                f"{fi.capitalize()} {i}",
                f"{sv.capitalize()} {i}",
                f"{en.capitalize()} {i}",
            )
            groups.append(oid)
            self._edge("part_of", oid, owner, kind="body_of")
        for group in groups:
            if rng.random() < 0.5:
                self._edge("prepares_for", group, rng.choice(groups))
            if rng.random() < 0.3:  # a management group coordinates a unit
                self._edge("steers", group, rng.choice(units), mode="coordination")
            if rng.random() < 0.2:
                self._edge("cooperates_with", group, rng.choice(orgs))
        posts = []
        for i in range(max(10, n * 25 // 100)):
            title = rng.choice(
                [
                    ("johtaja", "direktör", "director", "head_of_organisation"),
                    ("ylijohtaja", "överdirektör", "director-general", "director_general"),
                    ("yksikön päällikkö", "enhetschef", "head of unit", "head_of_unit"),
                    ("neuvos", "råd", "counsellor", "job_title"),
                ]
            )
            pid = self._node(
                self.posts,
                "post",
                id=f"post-{i}",
                kind=title[3],
                name_fi=f"{title[0]} {i}",
                name_sv=f"{title[1]} {i}",
                name_en=f"{title[2]} {i}",
            )
            posts.append(pid)
            self._edge("post_in", pid, rng.choice(orgs))
        persons = []
        for i in range(max(10, n - self._nodes() - n * 4 // 100 - 1)):
            given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
            pid = self._node(
                self.persons,
                "person",
                id=f"per-{i}",
                name=f"{given} {family} {i}",
                given_name=given,
                family_name=family,
            )
            persons.append(pid)
        projects = []
        for i in range(max(3, n * 4 // 100)):
            fi, sv, en = rng.choice(_FIELDS)
            start, end = f"{rng.randint(2010, 2024)}-0{rng.randint(1, 9)}-01", None
            self.projects.add(
                id=f"prj-{i}",
                kind="project",
                name_fi=f"{fi.capitalize()}hanke {i}",
                name_sv=f"{sv.capitalize()}projekt {i}",
                name_en=f"{en} project {i}",
                project_code=f"SYN{i:06d}",
                case_numbers=f"VN/{i}/{start[:4]}",
                valid_from=start,
                valid_to=end,
                source=SOURCE_ID,
                quote=QUOTES["project"],
                country="FI",
            )
            projects.append(f"prj-{i}")
            self._edge("organises", rng.choice(parents), f"prj-{i}", role="appointing_body")
            self._edge("concerns", f"prj-{i}", rng.choice(orgs))
        self._memberships(groups, posts, persons, projects)

    def _nodes(self) -> int:
        return sum(
            t.count for t in (self.orgs, self.posts, self.persons, self.projects, self.documents)
        )

    def _memberships(
        self, groups: list[str], posts: list[str], persons: list[str], projects: list[str]
    ) -> None:
        rng, target = self.rng, self.target * 5 // 2
        for group in groups:  # an ex-officio chair and two ex-officio seats
            self._edge("member_of", rng.choice(posts), group, role="chair", basis="ex_officio")
            for _ in range(2):
                self._edge("member_of", rng.choice(posts), group, role="member", basis="ex_officio")
        for post in posts:  # holders over time: one in three posts changed hands
            first = rng.choice(persons)
            if rng.random() < 0.33:
                year = rng.randint(2008, 2022)
                self._edge("holds", first, post, valid_to=f"{year}-12-31")
                self._edge("holds", rng.choice(persons), post, valid_from=f"{year + 1}-01-01")
            else:
                self._edge("holds", first, post)
        fillers: list[Callable[[], None]] = [
            lambda: self._edge(
                "member_of",
                rng.choice(persons),
                rng.choice(groups),
                role="member",
                basis="appointed",
                valid_from=f"{rng.randint(2010, 2023)}-01-01",
            ),
            lambda: self._edge("participates_in", rng.choice(posts), rng.choice(projects)),
            lambda: self._edge(
                "supports", rng.choice(groups), rng.choice(posts), mode="support_in_preparation"
            ),
        ]
        while self.edges.count < target:
            rng.choice(fillers)()

    def write(self, out: Path) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        (out / "sources").mkdir(exist_ok=True)
        (out / "sources" / SOURCE_FILE).write_text(
            "Synthetic register\n\n" + "\n".join(QUOTES.values()) + "\n", encoding="utf-8"
        )
        (out / "sources.yaml").write_text(
            "sources:\n"
            f"  - {{id: {SOURCE_ID}, file: {SOURCE_FILE}, lang: en, country: FI,"
            " title: Synthetic register}\n",
            encoding="utf-8",
        )
        for name, table in (
            ("organizations", self.orgs),
            ("posts", self.posts),
            ("persons", self.persons),
            ("projects", self.projects),
            ("documents", self.documents),
            ("relationships", self.edges),
        ):
            table.write(out / f"{name}.csv")
        return {"nodes": self._nodes() + 1, "edges": self.edges.count}


def generate(nodes: int, seed: int, out: Path) -> dict[str, int]:
    """Write a synthetic administration of about `nodes` nodes into `out`; return the counts."""
    generator = _Generator(nodes, seed)
    generator.run()
    return generator.write(out)
