"""Boilerplate and reader comments are removed from plain text; the story stays."""

from __future__ import annotations

from kg.read import clean_text

STORY = (
    "Ukrainian forces recaptured the village of Robotyne in the Zaporizhzhia region, "
    "the defence ministry in Kyiv said on Monday. Russian troops shelled the village "
    "overnight before withdrawing to positions further south."
)
SECOND = (
    "Officials in Kyiv said units trained by Britain and equipped with Western "
    "armoured vehicles led the assault, which took several weeks."
)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_clean_story_is_returned_as_paragraphs() -> None:
    raw = f"Ukraine retakes Robotyne\n\n{STORY}\n\n\n{SECOND}\n"

    assert paragraphs(clean_text(raw)) == ["Ukraine retakes Robotyne", STORY, SECOND]


def test_appeal_glued_to_first_sentence_is_cut_and_the_story_kept() -> None:
    raw = (
        "Ukraine retakes Robotyne\n"
        "Reporting from the front line is expensive. Your donation helps us keep our "
        "correspondents where the news is.\n"
        "We never put our war coverage behind a paywall.\n"
        f"Every contribution, however small, makes all the difference.{STORY}\n{SECOND}\n"
    )

    cleaned = clean_text(raw)

    assert paragraphs(cleaned) == ["Ukraine retakes Robotyne", STORY, SECOND]


def test_appeal_paragraph_block_goes_with_neighbours_speaking_to_the_reader() -> None:
    raw = (
        f"{STORY}\n\n"
        "Help us keep reporting\n\n"
        "From Kharkiv to Khartoum, our reporters go where others cannot. We believe "
        "everyone deserves to know what happens in a war.\n\n"
        "That is why your support matters. Subscribe today from as little as one euro a month.\n\n"
        f"{SECOND}"
    )

    cleaned = clean_text(raw)

    assert paragraphs(cleaned) == [STORY, SECOND]


def test_glued_sentences_without_boilerplate_get_their_space_back() -> None:
    raw = "Sudanese army jets bombed RSF positions in Omdurman.The RSF said it shot down a drone."

    assert clean_text(raw) == (
        "Sudanese army jets bombed RSF positions in Omdurman. The RSF said it shot down a drone."
    )


def test_abbreviations_and_initials_are_not_split_as_glued_sentences() -> None:
    raw = "U.S.-backed forces and the U.N. mission met in Deir ez-Zor on Tuesday."

    assert clean_text(raw) == raw


def test_quoted_speech_about_support_is_not_an_appeal() -> None:
    raw = (
        f"{STORY}\n\n"
        '"We will continue to support our partners in the Sahel," the French defence '
        "minister told reporters in Niamey.\n\n"
        "The United Arab Emirates has denied sending weapons to the RSF, despite reports "
        "of cargo flights; aid groups have appealed for donations to feed the displaced."
    )

    assert clean_text(raw) == raw.replace("\n\n\n", "\n\n")


def test_comment_section_in_plain_text_is_dropped_to_the_end() -> None:
    raw = (
        f"Ukraine retakes Robotyne\n\n{STORY}\n\n{SECOND}\n\n"
        "Join the conversation\n"
        "12 Comments\n"
        "Notify of\n"
        "Newest Most Voted\n"
        "Inline Feedbacks\n"
        "kyiv_watcher\n"
        "Everyone knows Belarus trains the Russian army for this.\n"
        "Reply\n"
        "View all comments\n"
    )

    cleaned = clean_text(raw)

    assert paragraphs(cleaned) == ["Ukraine retakes Robotyne", STORY, SECOND]
    assert "Belarus" not in cleaned


def test_each_kind_of_comment_marker_starts_the_comments() -> None:
    markers = [
        "Comments",
        "Comments (4)",
        "Notify of",
        "Newest Most Voted",
        "Inline Feedbacks",
        "View all comments",
        "Join our commenting forum",
        "Join thought-provoking conversations with other readers",
        "Leave a Reply",
        "3 thoughts on this story",
    ]
    for marker in markers:
        raw = f"{STORY}\n\n{SECOND}\n\n{marker}\nReader: Iran arms the Houthis, obviously.\n"
        assert clean_text(raw) == f"{STORY}\n\n{SECOND}", marker


def test_comment_marker_before_the_story_drops_only_its_line() -> None:
    raw = f"Comments\n\n{STORY}\n\n{SECOND}"

    assert clean_text(raw) == f"{STORY}\n\n{SECOND}"


def test_photo_credits_are_removed_and_captions_kept() -> None:
    raw = (
        f"{STORY}\n\n"
        "Photo: Ukrainian soldiers near Robotyne, August 2023\n"
        "Image: Defence Ministry of Ukraine\n"
        "(Photo by Anatolii Stepanov/AFP via Getty Images)\n"
        "A destroyed tank outside the village. Photograph: Ministry press service\n\n"
        "The village lies south of Orikhiv (Photo by a staff photographer) on the road "
        "to Tokmak.\n"
        "Getty Images\n"
    )

    cleaned = clean_text(raw)

    assert paragraphs(cleaned) == [
        STORY,
        "A destroyed tank outside the village.",
        "The village lies south of Orikhiv on the road to Tokmak.",
    ]


def test_share_prompts_navigation_and_video_embeds_are_removed() -> None:
    raw = (
        "Skip to content\n"
        "Skip to footer\n"
        f"{STORY}\n"
        "Share this:\n"
        "Click to share on Telegram (Opens in new window)\n"
        "Facebook | Twitter | WhatsApp | Email\n"
        "Follow us on Telegram for live updates\n"
        "Advertisement\n"
        "Read more: Why Robotyne matters for the counter-offensive\n"
        "Related: Russian lines around Tokmak\n"
        "View this video on YouTube\n"
        "Via YouTube\n"
        "Facebook: video.php\n"
        "watch.php?v=abc123\n"
        f"{SECOND}\n"
    )

    assert paragraphs(clean_text(raw)) == [STORY, SECOND]


def test_site_footer_and_repeated_site_name_are_removed() -> None:
    raw = (
        f"{STORY}\n\n{SECOND}\n\n"
        "Steppe Monitor: News and Analysis\n\n"
        "NOW hosted at\n\n"
        "Earlier, Steppe Monitor: News and Analysis was at\n\n"
        "The old domain was blocked by the regulator without explanation.\n"
    )

    assert clean_text(raw) == f"{STORY}\n\n{SECOND}"


def test_hard_wrapped_paragraphs_are_joined_but_headline_and_date_lines_are_not() -> None:
    raw = (
        "Ukraine retakes Robotyne\n"
        "Published 28 August 2023\n\n"
        "Ukrainian forces recaptured the village of Robotyne in the\n"
        "Zaporizhzhia region, the defence ministry in Kyiv said on\n"
        "Monday, after weeks of fighting.\n"
    )

    assert paragraphs(clean_text(raw)) == [
        "Ukraine retakes Robotyne",
        "Published 28 August 2023",
        "Ukrainian forces recaptured the village of Robotyne in the Zaporizhzhia region, "
        "the defence ministry in Kyiv said on Monday, after weeks of fighting.",
    ]


def test_repeated_headline_is_kept_once_and_invisible_characters_go() -> None:
    raw = (
        "Wagner fighters arrive in Mali\n\n"
        "Wagner fighters arrive in Mali\n\n"
        "Russian mercenaries\u200b of the Wagner\u00a0Group have deployed to Timbuktu, "
        "diplomats said.\r\n"
    )

    assert paragraphs(clean_text(raw)) == [
        "Wagner fighters arrive in Mali",
        "Russian mercenaries of the Wagner Group have deployed to Timbuktu, diplomats said.",
    ]


def test_only_boilerplate_gives_empty_text() -> None:
    assert clean_text("Share this\nAdvertisement\nYour support makes all the difference.") == ""


def test_cleaning_is_idempotent() -> None:
    raw = (
        f"Ukraine retakes Robotyne\nYour support keeps us going.{STORY}\n"
        f"Photo: Reuters\n{SECOND}\nComments\nReader: lies."
    )
    once = clean_text(raw)

    assert clean_text(once) == once


def test_wrapped_line_ending_in_at_is_not_a_site_footer() -> None:
    raw = (
        f"{STORY}\n\n{SECOND}\n\n"
        "Before the war, Russian helicopters were at\n"
        "Kherson airfield, which Ukraine later struck.\n\n"
        "The airfield was hit again in March."
    )

    cleaned = clean_text(raw)

    assert cleaned.endswith("The airfield was hit again in March.")
    assert "Kherson airfield, which Ukraine later struck." in cleaned


def test_quoted_plea_for_support_is_news_not_an_appeal() -> None:
    raw = (
        f"{STORY}\n\n"
        "A Houthi spokesman said the group would keep firing at ships. "
        '"Nobody in the world will stop us if Iran and others support us," he said.'
    )

    assert clean_text(raw) == raw


def test_quote_running_over_several_sentences_stays_news() -> None:
    raw = (
        f"{STORY}\n\n"
        'An Iranian diplomat said: "We are not seeking to keep anyone in power for life. '
        'But we do not subscribe to the idea of letting extremists take Damascus."'
    )

    assert clean_text(raw) == raw


def test_a_list_of_short_lines_is_not_joined_into_a_paragraph() -> None:
    raw = f"{STORY}\n\nBelligerents:\nRussia\nTurkey\nIran\n"

    assert paragraphs(clean_text(raw)) == [STORY, "Belligerents:", "Russia", "Turkey", "Iran"]


def test_site_footer_in_one_paragraph_per_line_text_is_removed() -> None:
    raw = (
        f"{STORY}\n{SECOND}\n"
        "Sahel Dispatch\n"
        "Sahel Dispatch is now hosted at\n"
        "The previous address was blocked by the authorities in Bamako without explanation.\n"
    )

    assert clean_text(raw) == f"{STORY}\n\n{SECOND}"


def test_empty_and_blank_text_give_empty_text() -> None:
    for raw in ["", "\n", " \n\n \n\t\n", "\n\n\n\n"]:
        assert clean_text(raw) == ""


def test_credits_caption_labels_and_trailing_prompts_are_removed() -> None:
    raw = (
        "Image copyright AFP\n"
        "Image caption Smoke rises over Marib after an overnight air raid\n"
        "Houthi fighters attacked government positions near Marib, officials said. "
        "Read more: The battle for Yemen's last northern stronghold\n"
        "Saudi jets struck back within hours (Reporting by a Sanaa newsroom; Editing by "
        "the Gulf desk). Related: Inside the Marib front\n"
        "(Additional reporting by the Riyadh bureau)\n"
        "Related fighting was reported in Shabwa province.\n"
    )

    assert paragraphs(clean_text(raw)) == [
        "Smoke rises over Marib after an overnight air raid",
        "Houthi fighters attacked government positions near Marib, officials said.",
        "Saudi jets struck back within hours.",
        "Related fighting was reported in Shabwa province.",
    ]


def test_a_ranked_comment_list_heading_starts_the_comments() -> None:
    story = (
        "Houthi forces fired two drones at a tanker in the Red Sea on Monday, "
        "the group's military spokesman said in a televised statement.\n"
        "The ship reported minor damage and continued to port, its operator said.\n"
    )
    comments = "Most popular comments\nreader42\nEveryone knows Iran arms the Houthis.\n"
    cleaned = clean_text(story + comments)
    assert "Iran arms" not in cleaned
    assert "continued to port" in cleaned
