"""A generated pile for storylines: two developing situations with follow-ups over weeks,
plus unrelated filler stories that share famous names (and one specific place each).

Seeded and deterministic. Every event is told by two or three outlets in their own
sentence order; the situations' events are days to weeks apart. Gold: an article's
storyline is its situation, or its own filler story. The names are fictional except the
famous ones, which is the point: sharing "Donald Trump" or "Washington" is no evidence.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.cluster.stories import ClusterItem

_START = date(2024, 3, 4)
_OUTLETS = ["Daily Ledger", "Morning Wire", "Coastal Herald", "Evening Post", "Metro Times"]

# (day offset, headline, sentences): one event of a developing situation per entry
HARBOUR = [
    (0, "Auditors find Krelnik harbour fund paid mayor's brother", [
        "Auditors in Zubrowka found that the Krelnik harbour fund paid 2 million euros to Ostrava Dredging, a firm owned by Pavel Vashinsky, the brother of mayor Teodor Vashinsky.",
        "The audit office said the dredging contract was never put out to tender.",
        "Teodor Vashinsky denied any wrongdoing and said the payments followed the rules of the fund.",
        "Opposition councillors in Zubrowka called for the mayor to step aside while the Krelnik accounts are examined.",
    ]),
    (2, "Zubrowka mayor Teodor Vashinsky resigns over harbour fund audit", [
        "Teodor Vashinsky resigned as mayor of Zubrowka two days after auditors questioned payments from the Krelnik harbour fund to his brother's firm.",
        "In a short statement he said he was stepping down to protect the city and would clear his name.",
        "Deputy mayor Lidia Borkowska will run the city council until an election is called.",
        "The audit found that Ostrava Dredging received 2 million euros without a tender.",
    ]),
    (9, "Prosecutors question Pavel Vashinsky over Krelnik payments", [
        "Prosecutors questioned Pavel Vashinsky for six hours about the payments his company Ostrava Dredging received from the Krelnik harbour fund.",
        "Chief prosecutor Ilona Marek said investigators had seized contracts and bank records in Zubrowka.",
        "His brother, the former mayor Teodor Vashinsky, has not been questioned yet.",
        "Ilona Marek said the inquiry concerned possible abuse of office and fraud.",
    ]),
    (21, "Zubrowka council freezes Krelnik harbour fund", [
        "The Zubrowka city council voted to freeze the Krelnik harbour fund and ordered a second audit of every contract since 2019.",
        "Acting mayor Lidia Borkowska said no new dredging work would be paid until the audit ends.",
        "The vote followed the resignation of Teodor Vashinsky and the questioning of his brother by prosecutors.",
        "Ostrava Dredging has stopped work at the Krelnik docks.",
    ]),
    (36, "Former mayor Vashinsky and brother charged with fraud", [
        "Prosecutors charged former Zubrowka mayor Teodor Vashinsky and his brother Pavel Vashinsky with fraud over payments from the Krelnik harbour fund.",
        "Chief prosecutor Ilona Marek said the brothers diverted 2 million euros through Ostrava Dredging.",
        "Lawyers for Teodor Vashinsky said he would plead not guilty.",
        "Both men were released on bail and must surrender their passports.",
    ]),
    (52, "Trial date set in Krelnik harbour fund case", [
        "A court in Zubrowka set a trial date in September for Teodor Vashinsky and Pavel Vashinsky, accused of fraud over the Krelnik harbour fund.",
        "Ilona Marek will lead the prosecution, which plans to call the auditors who first found the payments.",
        "Defence lawyers asked for more time to read the evidence on Ostrava Dredging.",
        "The judge refused to lift the travel ban on the two brothers.",
    ]),
]  # fmt: skip
LEAK = [
    (3, "Chemical leak from Nordane plant kills fish in Vessa river", [
        "A chemical leak from the Nordane Chemicals plant in Halvard poured solvent into the Vessa river, killing thousands of fish.",
        "Residents of Halvard reported a sharp smell along the river banks on Tuesday morning.",
        "Nordane Chemicals said a valve failed in a storage tank and the leak had been stopped.",
        "Environmental officials took water samples at six points downstream of the plant.",
    ]),
    (5, "Halvard cuts tap water after Nordane solvent leak", [
        "The town of Halvard cut its tap water supply after solvent from the Nordane Chemicals plant was found in the Vessa river intake.",
        "Soldiers handed out bottled water to 30,000 residents.",
        "Nordane Chemicals chief executive Erik Dahlgren apologised and promised to pay for the clean-up.",
        "Schools in Halvard stayed closed while engineers flushed the water pipes.",
    ]),
    (12, "Regulator opens investigation into Nordane Chemicals leak", [
        "The environment regulator opened an investigation into the Nordane Chemicals leak and ordered the Halvard plant shut until it ends.",
        "Inspector Marit Solberg said the plant had failed two safety checks last year.",
        "Erik Dahlgren said Nordane Chemicals would cooperate fully with the regulator.",
        "Fishermen on the Vessa river said their catch had fallen to almost nothing.",
    ]),
    (26, "Nordane chief Erik Dahlgren resigns as leak warnings emerge", [
        "Erik Dahlgren resigned as chief executive of Nordane Chemicals after documents showed engineers had warned about the leaking valve in Halvard months earlier.",
        "Marit Solberg, who leads the regulator's inquiry, said the warnings would be examined.",
        "Nordane Chemicals shares fell 14 percent on the news.",
        "Tap water in Halvard is safe to drink again, the town said.",
    ]),
    (41, "Halvard residents sue Nordane Chemicals over Vessa river leak", [
        "More than 2,000 residents of Halvard filed a class action lawsuit against Nordane Chemicals over the solvent leak into the Vessa river.",
        "Their lawyers say the company ignored warnings from its own engineers about the valve.",
        "The regulator's inspector Marit Solberg is expected to publish her findings next month.",
        "Nordane Chemicals said it had already paid for the clean-up and bottled water.",
    ]),
]  # fmt: skip
# unrelated stories, each naming famous people or places (and two a situation's place)
FILLER = [
    ("Wildfire forces evacuations in Coldwater Canyon", [
        "A wildfire spread through Coldwater Canyon, forcing 4,000 people from their homes as strong winds pushed the flames downhill.",
        "President Donald Trump said federal help was on the way and praised the firefighters.",
        "Officials in Washington approved emergency funds for the county.",
        "Fire crews dropped retardant from helicopters along the canyon ridge.",
    ]),
    ("Steel tariffs raise costs for car makers", [
        "Car makers warned that new steel tariffs would raise the price of a family car by several hundred dollars.",
        "Donald Trump defended the tariffs at a rally, saying they protect steel workers.",
        "Economists in Washington said the tariffs could slow factory hiring.",
        "Imports of rolled steel fell by a fifth in the first quarter.",
    ]),
    ("Rocket carrying weather satellite launches from Cape Canaveral", [
        "A rocket carrying a new weather satellite lifted off from Cape Canaveral on schedule.",
        "Donald Trump congratulated the launch team in a message from Washington.",
        "The satellite will track hurricanes and measure sea temperatures.",
        "Engineers confirmed the solar panels had opened an hour after launch.",
    ]),
    ("Supreme Court hears case on student loan relief", [
        "The Supreme Court heard arguments on whether the student loan relief plan exceeded the government's powers.",
        "Joe Biden said the plan would help millions of borrowers.",
        "Lawyers for six states told the justices in Washington that Congress never approved the cost.",
        "A ruling is expected before the end of June.",
    ]),
    ("United Nations warns of famine risk in the Horn of Africa", [
        "The United Nations warned that a third failed rainy season had put millions at risk of famine.",
        "Aid agencies said cattle were dying across the region and food prices had doubled.",
        "Joe Biden announced new food aid during a speech in Washington.",
        "The World Food Programme said it had received less than half the money it needs.",
    ]),
    ("Jazz festival draws record crowds to Zubrowka old town", [
        "A jazz festival drew record crowds to the old town of Zubrowka over the weekend.",
        "Bands from twelve countries played on three stages along the river front.",
        "Organisers said hotel rooms were fully booked and extra trains were added.",
        "Donald Trump was mentioned only in a satirical song that won the audience prize.",
    ]),
    ("Halvard football club wins regional cup final", [
        "Halvard football club won the regional cup final with a late header in extra time.",
        "Thousands of fans celebrated in the town square until the early hours.",
        "The coach said the win was the biggest in the club's hundred-year history.",
        "The team will play in the national league qualifiers next season.",
    ]),
    ("Vladimir Putin meets Chinese leader on energy deals", [
        "Vladimir Putin met the Chinese president in Beijing to sign new gas supply deals.",
        "The two leaders said trade between their countries reached a record last year.",
        "Officials in Washington said they were watching the talks closely.",
        "A new pipeline is expected to carry gas east from Siberia by 2030.",
    ]),
    ("Heat wave breaks records across southern Europe", [
        "A heat wave broke temperature records across southern Europe, with 46 degrees measured in Seville.",
        "Hospitals reported a rise in heatstroke cases among the elderly.",
        "The United Nations weather agency said heat waves are becoming longer and more frequent.",
        "Farmers warned that olive and grape harvests would suffer.",
    ]),
    ("Tech giant fined over app store rules", [
        "European regulators fined a tech giant 1.8 billion euros over rules that stopped music apps from telling users about cheaper offers.",
        "The company said it would appeal and that the rules protect users.",
        "Lawmakers in Washington said American regulators should look at the same practices.",
        "Joe Biden's trade officials declined to comment on the fine.",
    ]),
]  # fmt: skip


@dataclass(frozen=True)
class PileArticle:
    item: ClusterItem
    storyline: str  # gold: "harbour", "leak" or the filler story's own label
    situation: bool


def generate_pile(seed: int = 7) -> list[PileArticle]:
    """The pile, in a seeded shuffled order (the clusterer must not rely on input order)."""
    rng = random.Random(seed)
    out: list[PileArticle] = []
    for label, events in (("harbour", HARBOUR), ("leak", LEAK)):
        for n, (offset, headline, sentences) in enumerate(events):
            when = _START + timedelta(days=offset)
            for article in _tell(rng, f"{label}-{n}", when, headline, sentences):
                out.append(PileArticle(article, label, True))
    for n, (headline, sentences) in enumerate(FILLER):
        when = _START + timedelta(days=rng.randrange(0, 56))
        for article in _tell(rng, f"filler-{n}", when, headline, sentences):
            out.append(PileArticle(article, f"filler-{n}", False))
    rng.shuffle(out)
    return out


def _tell(
    rng: random.Random, key: str, day: date, headline: str, sentences: list[str]
) -> list[ClusterItem]:
    """Two or three outlets' articles on one event: own sentence order, own lead-in."""
    outlets = rng.sample(_OUTLETS, rng.choice((2, 3)))
    items = []
    for n, outlet in enumerate(outlets):
        body = sentences[:]
        rng.shuffle(body)
        lead = body.index(sentences[0])  # the event's key sentence opens every article
        body.insert(0, body.pop(lead))
        kept = body[: rng.choice((3, 4))]
        title = headline if n == 0 else f"{headline} ({outlet})"
        when = day + timedelta(days=rng.choice((0, 0, 1)))
        text = f"{outlet} reports. " + " ".join(kept)
        items.append(ClusterItem(f"{key}-{n}", title, text, when.isoformat(), outlet))
    return items
