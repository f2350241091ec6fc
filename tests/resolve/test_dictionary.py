"""Users extend the actor dictionary with their own JSONL; bad lines are named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import EntityType
from kg.resolve.dictionary import load_dictionary
from kg.resolve.resolver import Resolver


def write_lines(path: Path, *records: object) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_user_file_adds_aliases_to_an_existing_entry_and_new_entities(tmp_path):
    user = write_lines(
        tmp_path / "my_actors.jsonl",
        {"name": "Rapid Support Forces", "aliases": ["Quwat al-Daam al-Sari"]},
        {
            "name": "Tajammu al-Aaza",
            "type": "ArmedGroup",
            "aliases": ["Tajamu al-Izza", "Jaish al-Izza coalition"],
        },
        "# comments and blank lines are allowed",
        "",
        {"name": "Usud al-Sharqiya", "type": "ArmedGroup", "key": "Usud_al-Sharqiya"},
    )
    dictionary = load_dictionary([user])
    rsf = dictionary.get("Rapid Support Forces")
    assert rsf is not None and "Quwat al-Daam al-Sari" in rsf.aliases
    assert "RSF" in rsf.aliases, "built-in aliases are kept"
    resolver = Resolver.from_dictionary(dictionary)
    assert resolver.resolve("Quwat al-Daam al-Sari").key == "Rapid_Support_Forces"
    assert resolver.resolve("Tajamu al-Izza").key == "Tajammu_al-Aaza"
    assert resolver.resolve("Usud al-Sharqiya").type is EntityType.ARMED_GROUP
    # the built-in dictionary is not changed for others
    assert "Quwat al-Daam al-Sari" not in load_dictionary().get("Rapid Support Forces").aliases


def test_user_file_can_correct_a_scalar_field(tmp_path):
    user = write_lines(tmp_path / "fix.jsonl", {"name": "Wagner Group", "type": "Organization"})
    assert load_dictionary([user]).get("Wagner Group").type is EntityType.ORGANIZATION


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"name": "Liwa al-Baqir", "type": "ArmedGroup"', "not valid JSON"),
        ('["Liwa al-Baqir"]', "expected a JSON object"),
        ('{"type": "ArmedGroup"}', "'name' must be a non-empty string"),
        ('{"name": "Liwa al-Baqir", "type": "Militia"}', "is not one of"),
        ('{"name": "Liwa al-Baqir"}', "needs a 'type'"),
        ('{"name": "Liwa al-Baqir", "type": "ArmedGroup", "aliases": "Baqir"}', "list of"),
        ('{"name": "Liwa al-Baqir", "type": "ArmedGroup", "wikidata": "159"}', "not a QID"),
        ('{"name": "Liwa al-Baqir", "type": "ArmedGroup", "alias": ["Baqir"]}', "unknown field"),
        ('{"name": "Liwa al-Baqir", "type": "ArmedGroup", "key": "Liwa al Baqir"}', "key"),
    ],
)
def test_malformed_user_line_names_file_line_and_problem(tmp_path, line, problem):
    user = write_lines(
        tmp_path / "bad.jsonl",
        {"name": "Katibat al-Bayda", "type": "ArmedGroup"},
        line,
    )
    with pytest.raises(InputError) as info:
        load_dictionary([user])
    message = str(info.value)
    assert f"{user}:2" in message
    assert problem in message


def test_missing_and_non_utf8_files_are_named(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_dictionary([tmp_path / "nowhere.jsonl"])
    latin = tmp_path / "latin1.jsonl"
    latin.write_bytes('{"name": "Türkiye", "type": "State"}\n'.encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.jsonl: actor file is not UTF-8"):
        load_dictionary([latin])


def test_later_user_files_win(tmp_path):
    first = write_lines(tmp_path / "a.jsonl", {"name": "Liwa al-Baqir", "type": "ArmedGroup"})
    second = write_lines(tmp_path / "b.jsonl", {"name": "Liwa al-Baqir", "country": "Syria"})
    entry = load_dictionary([first, second]).get("Liwa al-Baqir")
    assert entry.country == "Syria" and entry.type is EntityType.ARMED_GROUP
    assert "a.jsonl:1" in entry.source and "b.jsonl:1" in entry.source


def test_a_user_key_that_clashes_with_another_entity_is_refused(tmp_path):
    user = write_lines(
        tmp_path / "clash.jsonl",
        {"name": "Russian Volunteer Battalion", "type": "ArmedGroup", "key": "Russia"},
    )
    with pytest.raises(InputError) as info:
        load_dictionary([user])
    assert "clash.jsonl:1" in str(info.value) and "'Russia'" in str(info.value)


def test_a_file_saved_with_a_byte_order_mark_loads(tmp_path):
    user = tmp_path / "bom.jsonl"
    user.write_bytes(b"\xef\xbb\xbf" + b'{"name": "Liwa al-Baqir", "type": "ArmedGroup"}\r\n')
    assert load_dictionary([user]).get("Liwa al-Baqir") is not None
