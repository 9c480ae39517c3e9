"""Validation reports every problem at once, as file:line: field: message."""

import re
import shutil
from pathlib import Path

from app.ingest.seed_files import validate_directory
from app.model.vocabulary import Label, RelType

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def problems_of(directory: Path, sources_dir: Path) -> list[str]:
    report = validate_directory(directory, sources_dir)
    assert report.bundle is None
    # Paths are shown relative to the working directory when they can be; compare by file name.
    return [re.sub(r"^[^:]*/", "", str(p)) for p in report.problems]


def test_the_shipped_seed_data_validates(seed_report: object, seed_bundle: object) -> None:
    from app.model import GraphBundle

    assert isinstance(seed_bundle, GraphBundle)
    counts = seed_bundle.node_counts()
    assert counts[Label.SOURCE] == 6  # the five documents and the reference list of names
    assert sum(counts.values()) >= 135
    assert len(seed_bundle.edges) >= 190
    assert set(seed_bundle.edge_counts()) == set(RelType)  # every relationship type is used


def test_every_problem_in_a_broken_file_is_reported_with_its_line(sources_dir: Path) -> None:
    assert problems_of(FIXTURES / "broken", sources_dir) == [
        "graph.yaml:10: kind: unknown value 'ministri' (did you mean 'ministry'?)",
        "graph.yaml:18: valid_to: ends (2019) before it starts (2020-05)",
        "graph.yaml:20: sources[0].quote: quote is not verbatim in src-000 "
        "(000_32fa5ef504b6ce97.txt)",
        "graph.yaml:21: id: 'Org_C' is not a slug (lower-case ASCII letters, digits and single "
        "hyphens)",
        "graph.yaml:24: colour: unknown field (did you mean 'country'?)",
        "graph.yaml:26: sources[0].doc: unknown source 'src-009' (did you mean 'src-000'?)",
        "graph.yaml:27: (entry): needs at least one of names.fi, names.sv, names.en or gloss_en",
        "graph.yaml:32: id: duplicate id 'org-b' (first defined at "
        "tests/fixtures/broken/graph.yaml:14)",
        "graph.yaml:39: to: unknown node 'org-x' (did you mean 'org-d'?)",
        "graph.yaml:40: mode: unknown value 'administrativ' (did you mean 'administrative'?)",
        "graph.yaml:43: type: unknown relationship type 'STEER' (did you mean 'STEERS'?)",
        "graph.yaml:47: from: HOLDS cannot start at Organization 'org-a' (allowed: Person)",
        "graph.yaml:48: to: HOLDS cannot end at Organization 'org-d' (allowed: Post)",
        "syntax.yaml:4: (syntax): duplicate key 'kind'",
    ]


def plant(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in a file; return the 1-based line it was on."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text[:index].count("\n") + 1


def test_five_planted_errors_in_a_copy_of_the_seed_data_are_all_reported(
    tmp_path: Path, sources_dir: Path
) -> None:
    seed = tmp_path / "seed"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seed_data", seed)
    orgs, posts = seed / "nodes" / "organizations.yaml", seed / "nodes" / "posts.yaml"
    steering = seed / "relationships" / "000-ntm-steering.yaml"
    tem_groups = seed / "relationships" / "004-tem-groups.yaml"
    projects = seed / "nodes" / "projects.yaml"
    planted = [
        (orgs, plant(orgs, "kind: ministry", "kind: ministy"), "kind: unknown value 'ministy'"),
        (
            steering,
            plant(steering, "    to: org-ely-keskukset\n", "    to: org-ely-keskus\n"),
            "to: unknown node 'org-ely-keskus'",
        ),
        (
            posts,
            plant(
                posts,
                "Virkamiesjohtoryhmän puheenjohtajana toimii kansliapäällikkö.",
                "Virkamiesjohtoryhmän puheenjohtajana toimii ministeri.",
            ),
            "sources[0].quote: quote is not verbatim in src-004",
        ),
        (
            projects,
            plant(projects, "valid_to: 2022-09-30", "valid_to: 2020-09-30"),
            "valid_to: ends (2020-09-30) before it starts (2021-10-13)",
        ),
        (
            tem_groups,
            plant(
                tem_groups,
                "    from: per-petri-peltonen\n    to: post-tem",
                "    from: org-tem\n    to: post-tem",
            ),
            "from: HOLDS cannot start at Organization 'org-tem' (allowed: Person)",
        ),
    ]
    report = validate_directory(seed, sources_dir)
    reported = [(Path(p.file).name, p.line, f"{p.field}: {p.message}") for p in report.problems]
    assert len(reported) == 5
    for path, line, start in planted:
        matching = [r for r in reported if r[0] == path.name and r[2].startswith(start)]
        # the problem is reported on the planted line, or on the line of the field it names
        assert matching, f"not reported: {path.name}:{line}: {start}\n{reported}"
        assert abs(matching[0][1] - line) <= 1


def test_the_reference_list_names_bodies_and_is_evidence_for_nothing(
    tmp_path: Path, sources_dir: Path
) -> None:
    seed = tmp_path / "seed"
    shutil.copytree(Path(__file__).resolve().parents[2] / "seed_data", seed)
    orgs = seed / "nodes" / "organizations.yaml"
    steering = seed / "relationships" / "000-ntm-steering.yaml"
    line = "aluehallintovirastot (AVI) = regionförvaltningsverken (RFV) = Regional State "
    planted = [
        (  # a fact citing the reference list
            orgs,
            plant(
                orgs,
                '      - {doc: src-003, quote: "Samarbetet mellan statsförvaltningen och '
                'kommunerna"}\n',
                '      - {doc: ref-official-names, quote: "Tillväxtverket"}\n',
            ),
            "sources[0].doc: 'ref-official-names' is a reference list of names, not evidence",
        ),
        (  # a relationship citing it
            steering,
            plant(
                steering,
                '      - {doc: src-000, quote: "överdirektörerna vid NTM-centralerna"}',
                '      - {doc: ref-official-names, quote: "närings-, trafik- och '
                'miljöcentralerna"}',
            ),
            "sources[0].doc: 'ref-official-names' is a reference list of names, not evidence",
        ),
        (  # a reference name that its line does not give
            orgs,
            plant(orgs, "abbr: {fi: AVI, sv: RFV}", "abbr: {fi: AVIT, sv: RFV}"),
            "reference.abbr.fi: 'AVIT' is not in the reference quotes",
        ),
        (  # a reference line that is not in the list
            orgs,
            plant(orgs, line, line.replace("(RFV)", "(RFVX)")),
            "reference.sources[0].quote: quote is not verbatim in ref-official-names",
        ),
        (  # a seed document cited for reference names
            orgs,
            plant(
                orgs,
                '        - {doc: ref-official-names, quote: "valtiovarainministeriö (VM)',
                '        - {doc: src-003, quote: "Finansministeriet stöder nätverksbildning'
                ' och träning bland statsförvaltningens ledning."}\n'
                '        - {doc: ref-official-names, quote: "valtiovarainministeriö (VM)',
            ),
            "reference.sources[0].doc: 'src-003' is not a reference list (kind: reference)",
        ),
    ]
    report = validate_directory(seed, sources_dir)
    reported = [(Path(p.file).name, p.line, f"{p.field}: {p.message}") for p in report.problems]
    for path, planted_line, start in planted:
        matching = [r for r in reported if r[0] == path.name and r[2].startswith(start)]
        assert matching, f"not reported: {path.name}:{planted_line}: {start}\n{reported}"
        assert any(abs(m[1] - planted_line) <= 1 for m in matching), (planted_line, matching)


def test_a_missing_directory_or_an_empty_one_is_a_problem(tmp_path: Path) -> None:
    assert [str(p) for p in validate_directory(tmp_path / "nope", None).problems] == [
        f"{tmp_path / 'nope'}:0: (directory): not a directory"
    ]
    assert [p.message for p in validate_directory(tmp_path, None).problems] == [
        "no .yaml or .csv files"
    ]


def test_unknown_sections_and_non_list_sections(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("organisations: []\nposts: {}\n", encoding="utf-8")
    report = validate_directory(tmp_path, None)
    assert [(p.line, p.field, p.message) for p in report.problems] == [
        (1, "organisations", "unknown section (did you mean 'organizations'?)"),
        (2, "posts", "expected a list of entries"),
    ]


def test_without_source_documents_quotes_are_not_checked(tmp_path: Path) -> None:
    report = validate_directory(Path(__file__).resolve().parents[2] / "seed_data", tmp_path / "x")
    assert report.ok
    assert not report.quotes_checked
