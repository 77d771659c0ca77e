from storyline.nlp.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_and_amounts_do_not_split():
    text = "Mr Putin met the U.S. envoy in Los Cabos. Russia signed a deal for $550m. It ended."
    assert texts(text) == [
        "Mr Putin met the U.S. envoy in Los Cabos.",
        "Russia signed a deal for $550m.",
        "It ended.",
    ]


def test_quotes_stay_whole_and_offsets_slice_exactly():
    text = (
        "“We have not. Enough,” he said. “We have a lot of wounded people.”\n\nNext paragraph here."
    )
    spans = split_sentences(text)
    got = [text[s.start : s.end] for s in spans]
    assert got[0] == "“We have not. Enough,” he said."
    assert got[-1] == "Next paragraph here."
    for span in spans:
        assert text[span.start : span.end] == text[span.start : span.end].strip()


def test_line_breaks_are_hard_boundaries_and_repeats_are_located_in_order():
    text = "Same line.\nSame line.\nTitle without stop"
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(0, 10), (11, 21), (22, 40)]


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_quoted_speech_of_several_sentences_stays_whole():
    text = 'Police said: "He ran. We followed. Nobody was hurt." The road reopened at noon.'
    assert texts(text) == [
        'Police said: "He ran. We followed. Nobody was hurt."',
        "The road reopened at noon.",
    ]


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = '"We will rebuild. Every home will stand again. The river rose fast.'
    assert len(texts(text)) == 3


def test_titles_initials_and_numbers():
    text = (
        "Gov. Jane Smith met Dr. J. R. Doe at 9 a.m. on Jan. 5. "
        "The No. 2 official, Sen. Rand Paul, R-Ky., was absent. It rained!"
    )
    assert texts(text) == [
        "Gov. Jane Smith met Dr. J. R. Doe at 9 a.m. on Jan. 5.",
        "The No. 2 official, Sen. Rand Paul, R-Ky., was absent.",
        "It rained!",
    ]


def test_other_languages_use_pysbd():
    text = "Der Minister kam am Montag. Er sprach lange."
    spans = split_sentences(text, language="de")
    assert [text[s.start : s.end] for s in spans] == [
        "Der Minister kam am Montag.",
        "Er sprach lange.",
    ]


GERMAN = (
    "Die Bundesregierung hat am Dienstag neue Maßnahmen gegen die Inflation beschlossen. "
    "Der Finanzminister sagte, die Entlastungen sollten vor allem Familien zugutekommen."
)
# English-like text a detector misreads (the bench's synthetic pile is read as "pcm")
MISREAD = (
    "Kalo mirtan velsor ishga dunrek ulbra tanka. Sorish gadun rekul bramir kalo vel tan. "
    "Mirvel sorga ishdun rekbra ulka lomir tansor velish gadunrek."
)


def test_pysbd_only_for_text_confidently_in_its_language(monkeypatch):
    import storyline.nlp.sentences as sentences

    used: list[str] = []
    real = sentences._split_pysbd

    def counting(text, language):
        used.append(language)
        return real(text, language)

    monkeypatch.setattr(sentences, "_split_pysbd", counting)
    assert len(split_sentences(GERMAN, "de")) == 2 and used == ["de"]
    for code in ("de", "nl", "it", "pcm"):  # a misread code: our linear rules, same spans
        assert split_sentences(MISREAD, code) == split_sentences(MISREAD, "en")
    assert split_sentences(GERMAN, "fr") == split_sentences(GERMAN, "en")  # not French
    assert used == ["de"]


def test_ap_style_closing_apostrophes_end_a_quotation():
    text = "\"Many came early. They left fast,'' he said. The game began."
    assert texts(text) == ["\"Many came early. They left fast,'' he said.", "The game began."]


def test_one_long_line_full_of_quotes_splits_in_linear_time():
    # every candidate boundary used to scan every quotation of the paragraph: a one-line
    # 20 MB text ran for more than 10 minutes
    import time

    unit = 'He said "Word one." Then it went on. '
    small, big = unit * 2_000, unit * 40_000
    started = time.perf_counter()
    split_sentences(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    spans = split_sentences(big)
    t_big = time.perf_counter() - started
    assert len(spans) == 80_000
    assert t_big < 20 * t_small * 4 + 0.5  # 20x the text: linear, with slack for noise


def test_other_languages_split_long_paragraphs_in_blocks():
    # pysbd is quadratic in its input: a long paragraph is cut at sentence ends first
    text = " ".join(f"Das ist Satz Nummer {i} hier. Und noch einer dazu!" for i in range(3000))
    spans = split_sentences(text, "de")
    assert len(spans) >= 5_900
    for s in spans:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    assert text[spans[-1].start : spans[-1].end] == "Und noch einer dazu!"
    joined = "".join(text[s.start : s.end] for s in spans)
    assert joined.replace(" ", "") == text.replace(" ", "")


def test_runs_of_punctuation_without_spaces_split_in_linear_time():
    # "!!!…" with no space after it made the boundary regex rescan the run from every start
    # position: quadratic inside one C call (a 170k-char run took over a minute)
    import time

    for text in ("!" * 100_000, "?." * 50_000, "Wow" + "." * 100_000 + " Then it ended."):
        started = time.perf_counter()
        spans = split_sentences(text)
        assert time.perf_counter() - started < 2
        assert spans and all(text[s.start : s.end].strip() for s in spans)


def test_sentences_glued_across_a_missing_space_are_split():
    """Issue 16: "he was using.The young man's aunt" became one summary sentence."""
    text = "Police found the gun he was using.The young man's aunt said he was kind."
    assert texts(text) == [
        "Police found the gun he was using.",
        "The young man's aunt said he was kind.",
    ]
    assert texts("It was over!Then it rained.") == ["It was over!", "Then it rained."]
    assert texts('He said it was over."We lost," he said.') == [
        "He said it was over.",
        '"We lost," he said.',
    ]
    assert texts("They left.A day later they came back.") == [
        "They left.",
        "A day later they came back.",
    ]


def test_glued_looking_text_that_is_not_two_sentences_stays_whole():
    for text in (
        "He bought it on Amazon.com and paid 3.5 dollars on Tuesday.",
        "Read it at news.Yahoo.com before noon.",
        "The page example.Com went down.",
        "She moved to the U.S.The next year was hard.",  # initials: never split when glued
        "Mr.Smith went home early.",
        "They met on Jan.The fifth was cold.",
        "He wrote it in ASP.NET quickly.",
        "Shares rose 2.5%.The index fell.",
        'She said "it was over."The end came.',  # a quotation's close: left as one
    ):
        assert texts(text) == [text], text


def test_a_detectives_rank_does_not_end_the_sentence():
    text = "Two men were arrested, said LAPD Det. Chris Barling. Charges followed."
    assert texts(text) == [
        "Two men were arrested, said LAPD Det. Chris Barling.",
        "Charges followed.",
    ]


def test_a_sentence_ending_on_a_year_is_split_from_a_glued_next_one():
    text = "He resigned on January 8, 2014.City leaders say it saves money."
    assert texts(text) == ["He resigned on January 8, 2014.", "City leaders say it saves money."]
    # a number that is no year, or a version's name, stays whole
    assert texts("It cost $2014.The end.") == ["It cost $2014.The end."]
    assert texts("Version 5.Net is out.") == ["Version 5.Net is out."]


def test_a_height_in_feet_and_inches_opens_no_quotation():
    # the '"' of 6'2" paired with the next quotation's opening mark, and the two sentences
    # between them were one "quoted" sentence
    text = 'The guard stands 6\'2" tall. He averaged 21 points a game. "I am ready," he said.'
    assert texts(text) == [
        "The guard stands 6'2\" tall.",
        "He averaged 21 points a game.",
        '"I am ready," he said.',
    ]
