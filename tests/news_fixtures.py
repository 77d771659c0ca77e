"""Small hand-written articles for the clustering tests (no dev-set text)."""

from storyline.cluster.stories import ClusterItem

# two different earthquakes, each covered by three outlets in their own words
QUAKE_A = [
    ClusterItem(
        "qa-1",
        "Magnitude 6.4 earthquake strikes near Izmir, killing 12",
        "A magnitude 6.4 earthquake struck the Aegean coast near Izmir on Friday, killing at "
        "least 12 people and collapsing apartment blocks in the Bayrakli district, Turkey's "
        "disaster agency AFAD said. Rescue teams searched rubble through the night.",
        "2020-10-30",
    ),
    ClusterItem(
        "qa-2",
        "Izmir quake: rescuers dig through rubble in Bayrakli",
        "Rescuers in Izmir pulled survivors from collapsed buildings in Bayrakli after the 6.4 "
        "magnitude quake, as the death toll rose to 12. AFAD said hundreds were injured across "
        "the Aegean province.",
        "2020-10-30",
    ),
    ClusterItem(
        "qa-3",
        "Death toll from Aegean earthquake in Turkey rises",
        "Turkish officials said the toll from the Aegean earthquake near Izmir had risen, with "
        "buildings in Bayrakli flattened. AFAD coordinated rescue teams working in the rubble.",
        "2020-10-31",
    ),
]
QUAKE_B = [
    ClusterItem(
        "qb-1",
        "Magnitude 6.1 earthquake hits Sumatra, 7 dead in Padang",
        "A magnitude 6.1 earthquake hit western Sumatra on Tuesday, killing seven people in "
        "Padang and damaging a mosque and a market, Indonesia's BMKG agency said. Landslides "
        "blocked roads to Bukittinggi.",
        "2020-11-03",
    ),
    ClusterItem(
        "qb-2",
        "Padang residents flee as Sumatra quake kills seven",
        "Residents of Padang ran into the streets when the 6.1 quake shook West Sumatra. BMKG "
        "said there was no tsunami threat; seven died and a market and a mosque were damaged.",
        "2020-11-03",
    ),
    ClusterItem(
        "qb-3",
        "Landslides cut roads to Bukittinggi after Sumatra earthquake",
        "Landslides triggered by the West Sumatra earthquake cut roads between Padang and "
        "Bukittinggi, BMKG and local officials said, as the death toll stood at seven.",
        "2020-11-04",
    ),
]
# an unrelated story arriving in a later batch
ELECTION = [
    ClusterItem(
        "el-1",
        "Ruling party wins Ghana parliamentary vote",
        "Ghana's electoral commission declared the ruling New Patriotic Party winner of the "
        "parliamentary vote in Accra, with turnout near 79 percent.",
        "2020-12-09",
    ),
    ClusterItem(
        "el-2",
        "Ghana opposition disputes parliamentary result",
        "The opposition National Democratic Congress rejected the parliamentary result the "
        "electoral commission announced in Accra and said it would go to court.",
        "2020-12-10",
    ),
]

# a wire story and the boilerplate its reposts wrap it in (near-duplicate tests)
WIRE = (
    "GENEVA (AFP) - The World Health Organization said on Thursday that a new vaccine "
    "against malaria had cut severe cases among young children by almost a third in a "
    "large trial across Ghana, Kenya and Malawi. The agency urged donors to fund wider "
    "use of the shots across sub-Saharan Africa, where the disease kills hundreds of "
    "thousands of children every year. Health ministers welcomed the results and said "
    "supplies remained the main obstacle to a faster rollout in rural clinics."
)
BOILER_TOP = "Subscribe to our newsletter for the best stories of the day. Cookies help us.\n\n"
BOILER_BOTTOM = (
    "\n\nLeave a Reply. You are commenting using your account. Log Out / Change. "
    "Connecting to %s. Share this: Twitter, Facebook. Related posts from our blog."
)
OTHER = (
    "The city council of Lyon voted on Tuesday to extend its tram network by twelve "
    "kilometres, with two new lines serving the eastern suburbs and the university "
    "campus, the mayor's office said in a statement after a long debate."
)
