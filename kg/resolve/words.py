"""The word lists name resolution reads: apparatus nouns, titles, modifiers.

Why a module of its own: these lists are the part of resolution that grows
with experience ("forces", "jets", "Field Marshal", "Turkish-backed"), so
they live apart from the matching code that uses them.
"""

from __future__ import annotations

import re

from kg.model import EntityType

DIGITS = re.compile(r"\d+")
ACTOR_TYPES = frozenset((EntityType.STATE, EntityType.ARMED_GROUP, EntityType.ORGANIZATION))
GEO_TYPES = frozenset((EntityType.BASE, EntityType.PLACE))

#: Words for a state's apparatus and office-holders: "<Russian|Russia's> <jets>",
#: "the Syrian president" act for the state (GUIDELINES.md: leaders acting for it).
STATE_APPARATUS = frozenset(
    (
        "forces",
        "armed forces",
        "army",
        "military",
        "troops",
        "soldiers",
        "jets",
        "warplanes",
        "fighter jets",
        "aircraft",
        "planes",
        "helicopters",
        "drones",
        "air force",
        "air forces",
        "navy",
        "naval forces",
        "marines",
        "government",
        "regime",
        "authorities",
        "administration",
        "officials",
        "leadership",
        "ministry",
        "defence ministry",
        "defense ministry",
        "ministry of defence",
        "ministry of defense",
        "foreign ministry",
        "interior ministry",
        "security forces",
        "special forces",
        "intelligence",
        "intelligence services",
        "artillery",
        "missiles",
        "warships",
        "coast guard",
        "border guards",
        "military police",
        "police",
        "ground forces",
        "air defences",
        "air defenses",
        "embassy",
        "diplomats",
        "state media",
        "government forces",
        "regime forces",
        "army units",
        "military forces",
        "police forces",
        "gendarmerie",
        "national guard",
        "presidential guard",
        "president",
        "prime minister",
        "premier",
        "foreign minister",
        "defence minister",
        "defense minister",
        "interior minister",
        "leader",
        "supreme leader",
        "king",
        "emir",
        "crown prince",
        "head of state",
        "delegation",
        "negotiators",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "commanders",
        "generals",
        "officers",
        "pilots",
        "state television",
        "state tv",
    )
)
#: Words for a group's members: "<Houthi|HTS> <fighters>" acts for the group.
GROUP_MEMBERS = frozenset(
    [
        "fighters",
        "militants",
        "rebels",
        "militia",
        "militias",
        "militiamen",
        "forces",
        "troops",
        "members",
        "insurgents",
        "gunmen",
        "jihadists",
        "units",
        "mercenaries",
        "operatives",
        "commanders",
        "leadership",
        "leaders",
        "extremists",
        "terrorists",
        "cells",
        "guerrillas",
        "combatants",
        "soldiers",
        "peacekeepers",
        "officials",
        "spokesman",
        "faction",
        "factions",
        "loyalists",
        "leader",
        "chief",
        "commander",
        "emir",
        "delegation",
        "negotiators",
        "spokesperson",
        "media office",
    ]
)
TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "interior",
        "supreme",
        "leader",
        "gen",
        "general",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "maj",
        "major",
        "field",
        "marshal",
        "brig",
        "brigadier",
        "commander",
        "chief",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sheikh",
        "shaykh",
        "sheik",
        "king",
        "queen",
        "prince",
        "crown",
        "emir",
        "ayatollah",
        "grand",
        "mullah",
        "imam",
        "chancellor",
        "secretary",
        "state",
        "premier",
        "sultan",
        "spokesman",
        "spokeswoman",
        "envoy",
        "ambassador",
        "sen",
        "senator",
        "rep",
        "admiral",
        "adm",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "former",
        "late",
        "self",
        "proclaimed",
        "de",
        "facto",
    ]
)
STATE_PHRASES = frozenset(tuple(p.split()) for p in STATE_APPARATUS)
#: Head words that make an organisation an armed group, in English and in the
#: Arabic of faction names (jaish "army", liwa "brigade", kataib "battalions",
#: saraya "companies", faylaq "legion", firqa "division", tajammu "grouping").
ARMED_WORDS = re.compile(
    r"\b(brigades?|battalions?|militias?|militiamen|regiment|legion|army|armed forces|"
    r"mujahideen|jaish|jaysh|jeish|liwa|alwiya|kataib|katibat?|saraya|faylaq|failaq|"
    r"firqat?|tajamm?u|quwat|jabhat|ansar|military council)\b"
)
#: Head words for an unseen name with no hint, tried in this order.
GUESS = (
    (
        EntityType.BASE,
        re.compile(
            r"\b(air ?base|airbase|airfield|airport|air station|naval base|garrison|"
            r"military base|base|camp|barracks|outpost)\b"
        ),
    ),
    (
        EntityType.PLACE,
        re.compile(
            r"\b(governorate|province|oblast|district|city|town|village|region|"
            r"valley|mountains?|desert|countryside|neighbou?rhood|border|crossing)\b"
        ),
    ),
    (EntityType.ARMED_GROUP, ARMED_WORDS),
    (
        EntityType.ORGANIZATION,
        re.compile(
            r"\b(ministry|agency|committee|commission|observatory|council|"
            r"union|organi[sz]ation|institute|foundation|network|news|company|bank|"
            r"university|association|office|red cross|red crescent|party|program+e|"
            r"society|centre|center|fund|charity|court|tribunal|mission)\b"
        ),
    ),
    (
        EntityType.ARMED_GROUP,
        re.compile(
            r"\b(front|forces|movement|division|guards?|corps|groups?|rebels|fighters|"
            r"militants|insurgents|jihadists|gunmen)\b"
        ),
    ),
)


#: "Turkish-backed", "U.S.-led", "Iran-aligned": a modifier naming a patron, not the group.
COMPOUND_MODIFIER = re.compile(
    r"^[\w.'’]+-(?:backed|led|allied|aligned|linked|affiliated|supported|funded|trained|"
    r"armed|sponsored|controlled|dominated|majority|based|run|influenced|leaning)$",
    re.IGNORECASE,
)
#: Words that turn a name into its opposite or past: "anti-Hamas", "pro-Assad", "ex-FSA".
NEGATING = frozenset(("pro", "anti", "non", "counter", "ex", "former", "rival", "breakaway"))
#: Words that relate a phrase to a name rather than describe it: "victims of ISIS".
FUNCTION_WORDS = frozenset(
    [
        "of",
        "against",
        "by",
        "from",
        "with",
        "to",
        "for",
        "in",
        "on",
        "at",
        "near",
        "into",
        "over",
        "under",
        "between",
        "among",
        "and",
        "or",
        "but",
        "than",
        "as",
        "like",
        "loyal",
        "opposed",
        "close",
        "allied",
        "linked",
        "tied",
        "who",
        "which",
        "that",
        "whose",
    ]
)
#: Capitalised adjectives that describe rather than name a group.
GROUP_ADJECTIVES = frozenset(
    (
        "Kurdish", "Arab", "Sunni", "Shia", "Shiite", "Shi'ite", "Druze", "Alawite",
        "Christian", "Islamist", "Jihadist", "Salafist", "Salafi", "Tuareg", "Fulani",
        "Turkmen", "Yazidi", "Assyrian", "Tribal", "Bedouin",
    )
)  # fmt: skip


NAME_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "umm",
        "de",
        "van",
        "von",
        "der",
        "da",
        "di",
        "la",
        "le",
    ]
)


LOWER_PARTICLES = frozenset(
    [
        "al",
        "el",
        "ash",
        "as",
        "ad",
        "ar",
        "at",
        "az",
        "an",
        "ad",
        "bin",
        "ibn",
        "wal",
        "of",
        "the",
        "and",
        "de",
        "du",
        "la",
        "le",
    ]
)
