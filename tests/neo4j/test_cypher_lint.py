"""Neo4j's own parser and semantic analysis over every Neo4j-side statement.

Errors and warnings both fail: an unknown label, relationship type or property is only a
warning to the linter, but for us it is a statement that would silently match nothing."""

from app.store.statements import declared_parameters
from tests.neo4j.cypher_lint import (
    LINTER,
    PARAM_SAMPLES,
    Statement,
    lint,
    located,
    neo4j_statements,
)


def test_the_linter_is_installed() -> None:
    assert (LINTER / "node_modules" / "@neo4j-cypher" / "language-support").is_dir(), (
        "run `make setup`: it installs tools/cypher-lint from its lock file"
    )


def test_every_neo4j_statement_passes_neo4j_s_linter() -> None:
    statements = neo4j_statements()
    assert len(statements) >= 63  # 32 queries, 8 load, 2 write and 21 schema statements
    unknown = {p for s in statements for p in s.declared} - PARAM_SAMPLES.keys()
    assert not unknown, f"add a typed sample for {sorted(unknown)} to PARAM_SAMPLES"
    diagnostics = lint(statements)
    problems = [located(where, d) for where, found in diagnostics.items() for d in found]
    assert problems == [], "\n".join(problems)


def test_the_linter_catches_what_it_must() -> None:
    """Each kind of mistake the linter is here for, planted once: it must report every one."""
    planted = [
        Statement(
            "plant/param.cypher:1", "MATCH (n:Organization {id: $idx}) RETURN n", frozenset({"id"})
        ),
        Statement("plant/function.cypher:1", "MATCH (n:Organization) RETURN label(n)", frozenset()),
        Statement("plant/label.cypher:1", "MATCH (n:Organisation) RETURN n.id", frozenset()),
        Statement("plant/type.cypher:1", "MATCH ()-[r:STEER]->() RETURN r", frozenset()),
        Statement("plant/property.cypher:1", "MATCH (n:Entity) RETURN n.nmae", frozenset()),
        Statement("plant/syntax.cypher:1", "MATCH (n RETURN n", frozenset()),
        Statement("plant/types.cypher:1", "RETURN date('2020-01-01') + 3 AS d", frozenset()),
        Statement("plant/ladybug.cypher:1", "MATCH (n:EntityIndex) RETURN n.id", frozenset()),
    ]
    diagnostics = lint(planted)
    missed = [s.where for s in planted if not diagnostics[s.where]]
    assert missed == []
    message = located("plant/param.cypher:1", diagnostics["plant/param.cypher:1"][0])
    assert message.startswith("plant/param.cypher:1:28: error: Parameter $idx is not defined")


def test_parameters_are_declared_in_the_header() -> None:
    text = "// q: a query.\n// Params: $id, $valid_lo (ISO).\n// about [$other]\nRETURN $id"
    assert declared_parameters(text) == {"id", "valid_lo"}
