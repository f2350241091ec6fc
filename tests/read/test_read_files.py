"""Reading files and folders into articles: each input type, metadata, bad input."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.model import Article, Skipped
from kg.read import make_article, read_paths
from kg.read.files import find_inputs

YEMEN = (
    "Saudi-led coalition jets strike Houthi positions near Hodeidah\n"
    "Published 14 June 2018\n\n"
    "Aircraft of the Saudi-led coalition struck Houthi positions south of Hodeidah on "
    "Thursday as forces backed by the United Arab Emirates advanced on the port city.\n\n"
    "The Houthis, who are backed by Iran, said they had repelled the attack and fired a "
    "missile at a coalition warship in the Red Sea.\n"
)

LIBYA = (
    "Haftar's forces push toward Tripoli\n\n"
    "Forces loyal to Khalifa Haftar advanced on the southern outskirts of Tripoli on Friday. "
    "The Libyan National Army, which is backed by the United Arab Emirates and Egypt, "
    "said it had taken the old airport.\n"
)


def articles(items: list[Article | Skipped]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def skipped(items: list[Article | Skipped]) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_article_has_headline_date_source_and_content_hash(tmp_path: Path) -> None:
    path = write(tmp_path / "yemen.txt", YEMEN)

    [article] = read_paths([str(path)])

    assert isinstance(article, Article)
    assert article.title == "Saudi-led coalition jets strike Houthi positions near Hodeidah"
    assert article.published == dt.date(2018, 6, 14)
    assert article.source == str(path)
    assert article.url is None
    assert article.id == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    assert "The Houthis, who are backed by Iran" in article.text
    assert article.raw_length == len(YEMEN)


def test_first_line_ending_in_a_period_is_not_a_title(tmp_path: Path) -> None:
    path = write(tmp_path / "plain.txt", LIBYA.split("\n\n", 1)[1] + "\nMore fighting.\n")

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert article.title is None


def test_html_article_takes_main_text_and_metadata(tmp_path: Path) -> None:
    html = """<!DOCTYPE html><html><head><meta charset="utf-8">
    <title>Sudan army and RSF clash in Khartoum | Example Wire</title>
    <meta property="og:title" content="Sudan army and RSF clash in Khartoum">
    <meta property="article:published_time" content="2023-04-15T09:30:00Z">
    <link rel="canonical" href="https://wire.example.com/2023/04/15/khartoum-clashes">
    </head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Sudan army and RSF clash in Khartoum</h1>
    <p>Heavy fighting broke out in Khartoum on Saturday between the Sudanese army and the
    paramilitary Rapid Support Forces, residents said.</p>
    <p>The Rapid Support Forces, led by Mohamed Hamdan Dagalo, said they had seized the
    presidential palace and the airport, a claim the army denied.</p>
    <p>The army said its aircraft struck RSF bases around the capital.</p>
    </article>
    <div id="comments"><h3>Comments</h3>
    <p>Sara: Everyone knows Egypt backs the army with fighter jets.</p></div>
    <footer>Example Wire, all rights reserved</footer></body></html>"""
    path = write(tmp_path / "sudan.html", html)

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert article.title == "Sudan army and RSF clash in Khartoum"
    assert article.url == "https://wire.example.com/2023/04/15/khartoum-clashes"
    assert article.published == dt.date(2023, 4, 15)
    assert "paramilitary Rapid Support Forces" in article.text
    assert "Egypt backs" not in article.text
    assert "Home" not in article.text


def test_htm_extension_is_read_as_html(tmp_path: Path) -> None:
    body = "<p>" + LIBYA.replace("\n\n", "</p><p>") + "</p>"
    path = write(tmp_path / "libya.htm", f"<html><body><article>{body}</article></body></html>")

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert "Libyan National Army" in article.text
    assert "<p>" not in article.text


def test_jsonl_reads_each_line_with_its_metadata(tmp_path: Path) -> None:
    rows = [
        {
            "text": YEMEN,
            "title": "Coalition strikes near Hodeidah",
            "url": "https://wire.example.com/yemen",
            "published": "2018-06-14T07:00:00+03:00",
        },
        {"text": LIBYA, "published": "2019-04-05", "source": "wire-archive"},
        {"text": "Russian forces shelled Kharkiv overnight, the regional governor said."},
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")

    items = list(read_paths([path]))

    assert skipped(items) == []
    first, second, third = articles(items)
    assert first.title == "Coalition strikes near Hodeidah"
    assert first.url == "https://wire.example.com/yemen"
    assert first.source == "https://wire.example.com/yemen"
    assert first.published == dt.date(2018, 6, 14)
    assert second.source == "wire-archive"
    assert second.title == "Haftar's forces push toward Tripoli"
    assert second.published == dt.date(2019, 4, 5)
    assert third.source == f"{path}#3"
    assert third.published is None


def test_malformed_jsonl_line_is_skipped_by_number_and_the_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": YEMEN}),
        '{"text": "Wagner fighters were deployed to Bamako", "title": ',
        json.dumps({"title": "no body here"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": LIBYA, "published": "last Tuesday"}),
        json.dumps({"text": LIBYA, "title": 42}),
        json.dumps({"text": LIBYA}),
    ]
    path = write(tmp_path / "mixed.jsonl", "\n".join(lines) + "\n")

    items = list(read_paths([path]))

    assert [a.text.split("\n")[0] for a in articles(items)] == [
        "Saudi-led coalition jets strike Houthi positions near Hodeidah",
        "Haftar's forces push toward Tripoli",
    ]
    reasons = {s.source: s.reason for s in skipped(items)}
    assert set(reasons) == {f"{path}#{n}" for n in (2, 3, 5, 6, 7, 8)}
    assert reasons[f"{path}#2"].startswith("line 2: invalid JSON")
    assert reasons[f"{path}#3"] == "line 3: no 'text' field"
    assert "expected a JSON object" in reasons[f"{path}#5"]
    assert "'text' is empty" in reasons[f"{path}#6"]
    assert "'published' is not a date: 'last Tuesday'" in reasons[f"{path}#7"]
    assert "'title' must be a string" in reasons[f"{path}#8"]


def test_non_utf8_jsonl_line_is_skipped_alone(tmp_path: Path) -> None:
    good = json.dumps({"text": LIBYA}).encode() + b"\n"
    bad = b'{"text": "Frappes a\xe9riennes sur Gao"}\n'
    path = tmp_path / "latin.jsonl"
    path.write_bytes(good + bad + good.replace(b"Friday", b"Sunday"))

    items = list(read_paths([path]))

    assert len(articles(items)) == 2
    [bad_line] = skipped(items)
    assert bad_line.source == f"{path}#2"
    assert "not UTF-8" in bad_line.reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n\t  \n", "no text (empty or whitespace only)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ],
    ids=["empty", "whitespace", "binary"],
)
def test_bad_text_file_is_skipped_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)

    [item] = read_paths([path])

    assert isinstance(item, Skipped)
    assert item.source == str(path)
    assert reason in item.reason


def test_random_bytes_are_reported_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(5000))

    [item] = read_paths([path])

    assert isinstance(item, Skipped)
    assert "binary" in item.reason


def test_cp1252_text_is_decoded_when_it_reads_cleanly(tmp_path: Path) -> None:
    text = (
        "Frappes fran\u00e7aises au Mali\n\n"
        "French jets struck a convoy of the jihadist group \u2018JNIM\u2019 near M\u00e9naka, "
        "the army said \u2013 the third raid this month.\n"
    )
    path = tmp_path / "mali.txt"
    path.write_bytes(text.encode("cp1252"))

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert "M\u00e9naka" in article.text
    assert "\u2018JNIM\u2019" in article.text


def test_undecodable_bytes_are_refused_with_an_encoding_reason(tmp_path: Path) -> None:
    # Valid in no candidate encoding: an undefined cp1252 byte plus C1 controls.
    path = tmp_path / "broken.txt"
    path.write_bytes(b"Russian troops entered Kherson \x81\x8d\x90 on Monday.\n")

    [item] = read_paths([path])

    assert isinstance(item, Skipped)
    assert "not UTF-8" in item.reason
    assert "0x81" in item.reason


def test_utf16_file_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(LIBYA.encode("utf-16"))

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert "Khalifa Haftar" in article.text


def test_file_over_the_size_limit_is_skipped_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    paragraph = (LIBYA.split("\n\n")[1] + "\n\n").encode()
    with path.open("wb") as out:
        out.write(paragraph * (20 * 1024 * 1024 // len(paragraph) + 1))
    assert path.stat().st_size >= 20 * 1024 * 1024

    [item] = read_paths([path])

    assert isinstance(item, Skipped)
    assert item.source == str(path)
    assert "too large" in item.reason
    assert "20.0 MB" in item.reason
    assert "10.0 MB limit" in item.reason


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = write(tmp_path / "yemen.txt", YEMEN)

    [item] = read_paths([path], max_bytes=100)

    assert isinstance(item, Skipped)
    assert "too large" in item.reason


def test_missing_path_and_explicit_unknown_extension_are_skipped(tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")

    items = list(read_paths([tmp_path / "absent.txt", pdf]))

    assert items == [
        Skipped(str(tmp_path / "absent.txt"), "no such file or folder"),
        Skipped(str(pdf), items[1].reason),
    ]
    assert "unsupported file type '.pdf'" in items[1].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", YEMEN)
    path.chmod(0)
    try:
        [item] = read_paths([path])
    finally:
        path.chmod(0o644)

    assert isinstance(item, Skipped)
    assert "cannot read" in item.reason


def test_folder_is_walked_in_sorted_order_ignoring_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "b").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    write(folder / "c.txt", LIBYA)
    write(folder / "a.txt", YEMEN)
    write(folder / "b" / "z.txt", LIBYA.replace("Friday", "Saturday"))
    write(folder / "b" / "notes.md", "not an article")
    write(folder / ".hidden" / "x.txt", YEMEN)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")

    first = list(read_paths([folder]))
    again = list(read_paths([str(folder)]))

    sources = [a.source for a in articles(first)]
    assert sources == [
        os.path.join(str(folder), "a.txt"),
        os.path.join(str(folder), "b", "z.txt"),
        os.path.join(str(folder), "c.txt"),
    ]
    assert skipped(first) == []
    assert [a.id for a in articles(again)] == [a.id for a in articles(first)]


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", YEMEN)

    assert list(find_inputs([path, tmp_path, str(path)])) == [str(path)]


def test_same_text_gives_same_id_and_cleaning_is_part_of_it(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt", YEMEN)
    two = write(tmp_path / "two.txt", YEMEN.replace("\n", "\r\n") + "\nShare this article\n")

    [a] = read_paths([one])
    [b] = read_paths([two])
    c = make_article(YEMEN, "api")

    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id == c.id
    assert len(a.id) == 64
    assert make_article(YEMEN.replace("Thursday", "Friday"), "api").id != a.id


def test_make_article_takes_given_metadata() -> None:
    article = make_article(
        LIBYA,
        "https://wire.example.com/libya",
        title="  Tripoli   offensive ",
        url="https://wire.example.com/libya",
        published=dt.datetime(2019, 4, 5, 18, 0),
    )

    assert article.title == "Tripoli offensive"
    assert article.url == "https://wire.example.com/libya"
    assert article.published == dt.date(2019, 4, 5)


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"text": "  \n "}, "no text"),
        ({"text": "Share this\nFollow us on Telegram\n"}, "no article text left"),
        ({"text": LIBYA, "published": "soon"}, "'published' is not a date"),
        ({"text": LIBYA, "url": "not a url"}, "'url' is not an absolute URL"),
    ],
)
def test_make_article_raises_input_error_naming_the_source(
    kwargs: dict[str, str], problem: str
) -> None:
    with pytest.raises(InputError) as caught:
        make_article(source="request-7", **kwargs)  # type: ignore[arg-type]

    assert caught.value.source == "request-7"
    assert problem in str(caught.value)
    assert str(caught.value).startswith("request-7: ")


def test_html_comments_without_markup_are_still_cut(tmp_path: Path) -> None:
    html = """<html><head><title>Houthis fire missiles at Red Sea shipping</title></head>
    <body><div class="story"><h1>Houthis fire missiles at Red Sea shipping</h1>
    <p>Houthi forces fired two anti-ship missiles at a container ship in the Red Sea on
    Friday, the U.S. military said. The Houthis, who are backed by Iran, said the attack
    was aimed at Israeli-linked vessels.</p>
    <p>A U.S. destroyer shot down several drones launched from Houthi-held areas of Yemen,
    according to Central Command.</p>
    <p>Photo: The container ship near Aden (Image courtesy of the navy)</p>
    <h2>Comments</h2><p>Notify of</p>
    <p>sailor77: Everyone knows Oman arms the Houthis.</p><p>View all comments</p>
    </div></body></html>"""
    path = write(tmp_path / "red-sea.html", html)

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert article.text.endswith("according to Central Command.")
    assert "Oman" not in article.text
    assert "Photo" not in article.text


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>")

    [item] = read_paths([path])

    assert item == Skipped(str(path), "no article text found in the HTML")


def test_cp1252_html_declaring_its_charset_is_decoded(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Frappes au Mali</title></head>'
        "<body><article><p>Les frappes fran\u00e7aises ont vis\u00e9 un convoi du JNIM pr\u00e8s de "
        "M\u00e9naka, a indiqu\u00e9 l\u2019\u00e9tat-major \u2013 le troisi\u00e8me raid ce mois-ci, "
        "selon des sources locales \u00e0 Bamako.</p></article></body></html>"
    )
    path = tmp_path / "mali.html"
    path.write_bytes(html.encode("cp1252"))

    [article] = read_paths([path])

    assert isinstance(article, Article)
    assert "M\u00e9naka" in article.text
    assert "l\u2019\u00e9tat-major" in article.text


def test_binary_jsonl_is_skipped_as_a_whole(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "x"}\n\x00\x01\x02\x03')

    [item] = read_paths([path])

    assert item == Skipped(str(path), "binary file (contains NUL bytes), not JSON lines")


def test_broken_link_and_special_file_are_skipped_by_name(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "never-written.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    items = list(read_paths([link, fifo]))

    assert items == [
        Skipped(str(link), "no such file or folder"),
        Skipped(str(fifo), "not a regular file or folder"),
    ]


def test_damaged_utf8_is_refused_rather_than_turned_into_mojibake(tmp_path: Path) -> None:
    good = "Les forces fran\u00e7aises ont quitt\u00e9 Gao, selon l\u2019\u00e9tat-major.\n"
    path = tmp_path / "damaged.txt"
    path.write_bytes(good.encode("utf-8") + b"Bamako \xe9tait calme.\n")

    [item] = read_paths([path])

    assert isinstance(item, Skipped)
    assert "damaged UTF-8" in item.reason
    assert "0xe9" in item.reason
