"""The kinds' words: every kind of every label has them in Finnish, Swedish and English."""

from app.model.kind_words import KIND_ENUMS, KIND_WORDS, kind_words
from app.model.nodes import NODE_MODELS
from app.model.search_terms import fold_for_search
from app.model.vocabulary import GoalKind, Label, Lang


def test_every_kind_of_every_label_has_words_in_finnish_swedish_and_english() -> None:
    labels = [label for label in Label if label is not Label.SOURCE]
    assert sorted(KIND_ENUMS) == sorted(labels)
    for label in labels:
        enum = KIND_ENUMS[label]
        assert NODE_MODELS[label].model_fields["kind"].annotation is enum, label
        for kind in enum:
            words = KIND_WORDS[kind]
            missing = [lang for lang in Lang if not words.get(lang)]
            assert not missing, f"{label} {kind}: no words in {missing}"
    assert set(KIND_WORDS) == {kind for enum in KIND_ENUMS.values() for kind in enum}


def test_kind_values_are_unique_across_labels() -> None:
    """Search matches a node's kind by its value alone (n.kind IN $kinds)."""
    values = [kind.value for enum in KIND_ENUMS.values() for kind in enum]
    assert len(values) == len(set(values))


def test_every_word_is_searchable_and_listed_once() -> None:
    for kind, words in KIND_WORDS.items():
        for lang, listed in words.items():
            folded = [fold_for_search(w) for w in listed]
            assert all(folded), f"{kind} {lang}: a word folds to nothing"
            assert len(set(folded)) == len(folded), f"{kind} {lang}: a word twice"


def test_the_words_end_with_the_kind_itself() -> None:
    words = kind_words(GoalKind.RESULT_AREA)
    assert {"resultatområde", "tulosalue", "result area", "result areas"} <= set(words)
    assert words[-1] == "result_area"
