"""Small hand-written clusters (no dev-set text is copied into the repo)."""

from __future__ import annotations

import pytest

FLOOD_A = """RIVERTON, Ore. (AP) — Flood waters from the swollen Clear River forced about 2,000 residents of Riverton to leave their homes on Tuesday, officials said.

The river rose four feet overnight after three days of heavy rain, according to the National Weather Service.

"We have never seen the water come up this fast. It was in our kitchen by midnight," said Ana Ruiz, who fled with her two children.

He said the town would need help.

Mayor Tom Becker said emergency shelters at the high school and the county fairgrounds were open and had room for 1,500 people.

The weather service expects the Clear River to crest on Thursday, two feet above the record set in 1996."""

FLOOD_B = """About 2,000 people were evacuated from Riverton on Tuesday as the Clear River flooded streets after days of heavy rain.

Governor Lisa Marsh declared a state of emergency for Clear County and sent 200 National Guard troops to help with the evacuation.

It was not clear how many homes had been damaged.

The Clear River is expected to crest on Thursday above its 1996 record, forecasters said, and more rain is expected on Wednesday.

Shelters at the high school and fairgrounds took in hundreds of families overnight, Mayor Tom Becker said."""

FLOOD_C = """Governor Lisa Marsh on Tuesday declared a state of emergency after the Clear River flooded Riverton and forced about 2,000 residents from their homes.

National Guard troops used trucks and boats to reach families stranded by the flood waters.

"Our priority is getting every family out safely," Marsh told reporters in Riverton.

Forecasters warned that the river would crest on Thursday and that more rain was on the way."""

WAYBACK = """These crawls are part of an effort to archive pages as they are created and archive the pages that they refer to. The Wayback Machine makes the crawl data available after an embargo period."""

TWEET = """Tweet with a location

You can add location information to your Tweets, such as your city or precise location, from the web and via third-party applications. You always have the option to delete your Tweet location history. Learn more"""

COOKIES = """We use cookies to improve your experience on our website. By continuing to browse you accept our cookie policy. Manage your cookie settings or accept all cookies to continue reading."""

JUNK = [WAYBACK, TWEET, COOKIES]


@pytest.fixture
def flood() -> list[str]:
    return [FLOOD_A, FLOOD_B, FLOOD_C]


@pytest.fixture
def junk() -> list[str]:
    return list(JUNK)
