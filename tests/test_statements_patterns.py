"""Every attribution pattern of issue 3, on short texts written for these tests (invented people
and places, so nothing depends on data/reference/actors.csv)."""
from __future__ import annotations

import pytest

from analysis.corpus import document_from_text
from analysis.schema import columns
from analysis.statements import extract_statements

PATTERN_TEXTS = {
    "said_that": "Foreign Minister Jane Doe of Ruritania said that the border would stay open for refugees.",
    "said_inverted": "“We will not abandon the northern towns,” said Marta Kovacs, the governor of Eastmark.",
    "appositive": "Tomas Lind, the Nordland ambassador to the United Nations, said the vote had been postponed again.",
    "role_name": "Defence Minister Pavel Orlov said his troops were holding the bridge over the river.",
    "statement_colon": ("The Eastmark Liberation Front said in a video published on Telegram: “Our fighters have "
                        "entered the old city and the garrison has surrendered.”"),
    "told_media": ("“The capital is completely safe and the roads are open,” Interior Minister Karim Haddad told "
                   "state media. Opposition commander Leila Nasser told Reuters the city would fall within days."),
    "truth_social": "“THIS IS A TERRIBLE DEAL FOR EVERYONE”, said Senator Bob Miller on his Truth Social account.",
    "forum": ("“Dialogue is the only road to a lasting settlement of this conflict,” Anna Berg said at the Vienna "
              "Forum for peace and security."),
    "said_day_mixed": "President Omar Tal said Saturday he hopes the talks bring “a just peace” to the valley.",
    "according_to": ("According to the Eastmark Monitoring Group, at least 40 people were killed in the shelling. "
                     "Two bridges were destroyed overnight, according to local officials."),
    "colon_quote": "Karl Brandt put it simply in his speech. He said: “We have nothing left to negotiate about.”",
    "multi_sentence": ("“The army has withdrawn from the hills. It will regroup near the coast. Nobody should panic,” "
                       "General Samir Aziz said."),
    "multi_paragraph": ("Prime Minister Hana Sato addressed parliament on Monday. She said:\n\n"
                        "“We have lost three cities in a week and we must face that truth.\n\n"
                        "“But we have not lost the war, and we will not lose our country.”\n\n"
                        "Lawmakers applauded for several minutes."),
    "nested": ("“He told me the deal was ‘the best thing we could hope for’ and I believed him,” said union leader "
               "Rosa Diaz."),
    "mixed_marks": ("\"We are ready to talk,\" said rebel spokesman Idris Malik. Minister Ola Berg replied that "
                    "the offer was “a cynical trick by people who shell hospitals”."),
    "unbalanced": ("Minister Tariq Aziz said the talks had “collapsed because nobody came to the table.\n\n"
                   "Fighting resumed overnight in the suburbs, residents said.\n\n"
                   "The Northern Council said it would send food convoys to the camps next week."),
    "liveblog": ("Key events\n"
                 "• Ruritania says it will close its embassy in the capital\n"
                 "• Rebels say they have taken the airport\n\n"
                 "14:05 GMT – Doe: ‘We will not recognise a government imposed by force’\n"
                 "Foreign Minister Jane Doe of Ruritania spoke to reporters in the capital this afternoon."),
    "pronouns": ("Foreign Minister Anna Berg met her counterpart in the capital. She said the two countries would "
                 "sign a trade agreement next month. “This is a new beginning for the whole region,” she added. "
                 "President Omar Tal said the agreement was long overdue. He also added that tariffs would fall."),
    "organisations": ("The Ruritanian military said it had intercepted two drones over the border. A war monitor "
                      "reported that at least 12 fighters were killed near the dam. The army’s statement said "
                      "the operation was “proceeding according to plan”. State media asserted that the president "
                      "remained in the capital. A Kremlin source told the agency that talks were under way."),
    "surname": ("Special envoy Geraldine Hartley arrived in the capital on Friday. Hartley said the ceasefire "
                "had been broken by both sides and that civilians were paying the price."),
    "scare_quote": "Interior Minister Karim Haddad said the “terrorist” gangs had been driven from the suburbs.",
    "title": "The band played “Over the Hills and Far Away” as the crowd gathered in the main square.",
    "interrupted": ("“We have lost contact with our teams in the north,” the aid agency’s director, Nina Petrova, "
                    "said, “and we fear the worst for the people who stayed behind.”"),
    "relative_subject": ("State radio, which had earlier insisted that the president was in the capital, went off the "
                         "air at dawn. An army officer, who asked not to be named, said the garrison had left overnight."),
    "naming_verb": ("President Omar Tal called the offensive “a crime against our people”. Later he called the mayor "
                    "of Westport to discuss the evacuation."),
    "plain_text_marks": ("''We will rebuild every school that was destroyed,'' said Governor Ana Ruiz. "
                         "''It will take years, but we will do it.''"),
    "short_quote": "“No,” the minister said when asked whether troops would be sent to the border.",
    "verb_asserted": "The opposition coalition asserted that the election had been rigged in the eastern provinces.",
    "verb_argued": "Senator Paul Hart argued that sanctions had failed to change the government's behaviour.",
    "verb_added": "The mayor of Westport, Linda Osei, added that schools would reopen on Monday morning.",
    "verb_urged": "Secretary-General Ivan Petrov urged all parties to return to the negotiating table immediately.",
    "verb_warned": "The health ministry warned that hospitals in the south were running out of fuel.",
    "verb_insisted": "Colonel Rami Saleh insisted that his forces had not targeted any residential buildings.",
    "verb_claimed": "The Northern Front claimed that its fighters had shot down a government helicopter.",
    "verb_declared": "President Omar Tal declared that the state of emergency would end at midnight.",
    "verb_reported": "The Eastmark Observatory reported that fighting had spread to three more villages.",
    "verb_announced": "The foreign ministry announced that the embassy would resume consular services next week.",
    "verb_called_for": "Pope Leo called for an immediate end to the bombing of civilian areas in the city.",
    "verb_reiterated": "Chancellor Eva Lang reiterated that her government would not send troops to the region.",
    "verb_told": "Deputy Minister Hugo Brandt told parliament that the army had enough ammunition for months.",
    "verb_stressed": "The spokesman for the Northern Council, Ali Farouk, stressed that the convoy was humanitarian.",
    "verb_denied": "The Ruritanian government denied that its aircraft had crossed into the neighbouring country.",
}


def statements(name: str) -> list[dict]:
    return extract_statements(document_from_text(PATTERN_TEXTS[name], published="2024-12-07"))


def one(rows: list[dict], fragment: str) -> dict:
    found = [r for r in rows if fragment in r["text"]]
    assert len(found) == 1, f"{fragment!r} in {[r['text'] for r in rows]}"
    return found[0]


def test_every_row_has_the_schema_columns_and_slices_back():
    for name, text in PATTERN_TEXTS.items():
        doc = document_from_text(text)
        for row in extract_statements(doc):
            assert list(row) == columns("statements"), name
            assert doc.body[row["start"]:row["end"]] == row["text"], name
            assert row["sentence"] == doc.sentences[row["sentence_index"]].text


def test_said_that_with_role_and_place_from_the_text_alone():
    r = one(statements("said_that"), "border would stay open")
    assert r["text"] == "the border would stay open for refugees"
    assert (r["kind"], r["speaker"], r["speaker_role"], r["speaker_affiliation"]) == \
        ("indirect", "Jane Doe", "Foreign Minister", "Ruritania")
    assert r["speaker_text"] == "Foreign Minister Jane Doe of Ruritania"
    assert r["speaker_type"] == "person" and r["verb"] == "said"


def test_said_x_after_a_quote_with_an_appositive_role():
    r = one(statements("said_inverted"), "abandon")
    assert r["text"] == "We will not abandon the northern towns"
    assert (r["kind"], r["speaker"], r["speaker_role"]) == ("direct", "Marta Kovacs", "governor of Eastmark")
    assert r["rule"] == "quote-then-verb-speaker"


def test_x_the_role_said():
    r = one(statements("appositive"), "vote")
    assert r["speaker"] == "Tomas Lind"
    assert r["speaker_role"] == "Nordland ambassador to the United Nations"
    assert r["text"] == "the vote had been postponed again"


def test_role_x_said():
    r = one(statements("role_name"), "bridge")
    assert (r["speaker"], r["speaker_role"]) == ("Pavel Orlov", "Defence Minister")


def test_said_in_a_video_published_on_telegram_then_colon_quote():
    r = one(statements("statement_colon"), "garrison")
    assert r["kind"] == "direct"
    assert r["text"] == "Our fighters have entered the old city and the garrison has surrendered."
    assert r["speaker"] == "Eastmark Liberation Front" and r["channel"] == "Telegram"


def test_told_state_media_and_told_reuters():
    rows = statements("told_media")
    safe = one(rows, "completely safe")
    assert (safe["speaker"], safe["speaker_role"], safe["channel"], safe["verb"]) == \
        ("Karim Haddad", "Interior Minister", "state media", "told")
    fall = one(rows, "fall within days")
    assert (fall["speaker"], fall["channel"], fall["kind"]) == ("Leila Nasser", "Reuters", "indirect")
    assert fall["text"] == "the city would fall within days"


def test_said_x_on_his_truth_social():
    r = one(statements("truth_social"), "TERRIBLE")
    assert (r["speaker"], r["channel"], r["kind"]) == ("Bob Miller", "Truth Social", "direct")


def test_said_at_a_named_forum():
    r = one(statements("forum"), "Dialogue")
    assert (r["speaker"], r["channel"]) == ("Anna Berg", "Vienna Forum")


def test_said_saturday_he_hopes_is_one_mixed_statement():
    rows = statements("said_day_mixed")
    assert len(rows) == 1
    assert rows[0]["kind"] == "mixed" and rows[0]["speaker"] == "Omar Tal"
    assert rows[0]["text"] == "he hopes the talks bring “a just peace” to the valley"


def test_according_to_before_and_after_the_clause():
    rows = statements("according_to")
    first = one(rows, "40 people")
    assert first["speaker"] == "Eastmark Monitoring Group" and first["verb"] == "according to"
    assert first["text"] == "at least 40 people were killed in the shelling"
    second = one(rows, "bridges")
    assert second["speaker"] == "local officials" and second["text"] == "Two bridges were destroyed overnight"


def test_quote_introduced_by_a_colon_after_a_pronoun():
    r = one(statements("colon_quote"), "negotiate")
    assert (r["kind"], r["speaker"], r["speaker_text"]) == ("direct", "Karl Brandt", "He")


def test_multi_sentence_quote_is_one_row():
    rows = statements("multi_sentence")
    assert len(rows) == 1 and rows[0]["text"].endswith("Nobody should panic")
    assert rows[0]["speaker"] == "Samir Aziz"


def test_quote_running_over_paragraphs_gives_one_group():
    rows = statements("multi_paragraph")
    assert [r["text"][:10] for r in rows] == ["We have lo", "But we hav"]
    assert {r["speaker"] for r in rows} == {"Hana Sato"}
    assert rows[0]["statement_group"] == rows[1]["statement_group"]


def test_nested_quote_stays_inside_the_outer_quote():
    rows = statements("nested")
    assert len(rows) == 1
    assert "‘the best thing we could hope for’" in rows[0]["text"] and rows[0]["speaker"] == "Rosa Diaz"


def test_straight_and_curly_marks_in_one_article():
    rows = statements("mixed_marks")
    assert one(rows, "ready to talk")["speaker"] == "Idris Malik"
    trick = one(rows, "cynical trick")
    assert (trick["kind"], trick["speaker"], trick["verb"]) == ("mixed", "Ola Berg", "replied")


def test_unbalanced_mark_stays_in_its_paragraph():
    rows = statements("unbalanced")
    first = one(rows, "collapsed")
    assert "\n" not in first["text"] and first["speaker"] == "Tariq Aziz"
    assert one(rows, "Fighting resumed")["speaker"] == "residents"
    assert one(rows, "food convoys")["speaker"] == "Northern Council"


def test_live_blog_bullets_and_headline_lines():
    rows = statements("liveblog")
    assert one(rows, "close its embassy")["speaker"] == "Ruritania"
    assert one(rows, "taken the airport")["speaker"] == "Rebels"
    head = one(rows, "recognise a government")
    assert head["kind"] == "direct" and head["speaker"] == "Jane Doe"


def test_pronouns_resolve_to_the_nearest_earlier_person():
    rows = statements("pronouns")
    assert one(rows, "trade agreement")["speaker"] == "Anna Berg"
    assert one(rows, "new beginning")["speaker"] == "Anna Berg"
    assert one(rows, "tariffs")["speaker"] == "Omar Tal"
    assert one(rows, "tariffs")["speaker_text"] == "He"


def test_organisations_and_unnamed_sources_as_speakers():
    rows = statements("organisations")
    assert one(rows, "drones")["speaker"] == "the Ruritanian military"
    monitor = one(rows, "12 fighters")
    assert (monitor["speaker"], monitor["speaker_type"]) == ("a war monitor", "monitor")
    plan = one(rows, "proceeding")
    assert plan["kind"] == "mixed" and plan["speaker"] == "the army" and plan["channel"] == "statement"
    assert one(rows, "remained in the capital")["speaker"] == "State media"
    assert one(rows, "talks were under way")["speaker"] == "a Kremlin source"


def test_surname_after_a_full_first_mention():
    r = one(statements("surname"), "ceasefire")
    assert (r["speaker"], r["speaker_text"]) == ("Geraldine Hartley", "Hartley")


def test_scare_quote_is_part_of_the_reported_clause():
    rows = statements("scare_quote")
    assert len(rows) == 1 and rows[0]["kind"] == "mixed"
    assert rows[0]["text"] == "the “terrorist” gangs had been driven from the suburbs"


def test_quoted_title_is_not_a_statement():
    assert statements("title") == []


def test_interrupted_quote_gives_two_rows_with_one_group():
    rows = statements("interrupted")
    assert len(rows) == 2
    assert {r["speaker"] for r in rows} == {"Nina Petrova"}
    assert rows[0]["statement_group"] == rows[1]["statement_group"] == rows[0]["statement_id"]
    assert rows[1]["statement_id"] != rows[0]["statement_id"]


@pytest.mark.parametrize("name,verb,speaker,fragment", [
    ("verb_asserted", "asserted", "The opposition coalition", "election had been rigged"),
    ("verb_argued", "argued", "Paul Hart", "sanctions had failed"),
    ("verb_added", "added", "Linda Osei", "schools would reopen"),
    ("verb_urged", "urged", "Ivan Petrov", "all parties to return"),
    ("verb_warned", "warned", "The health ministry", "hospitals in the south"),
    ("verb_insisted", "insisted", "Rami Saleh", "had not targeted"),
    ("verb_claimed", "claimed", "Northern Front", "shot down"),
    ("verb_declared", "declared", "Omar Tal", "state of emergency"),
    ("verb_reported", "reported", "Eastmark Observatory", "fighting had spread"),
    ("verb_announced", "announced", "the foreign ministry", "resume consular"),
    ("verb_called_for", "called for", "Pope Leo", "immediate end"),
    ("verb_reiterated", "reiterated", "Eva Lang", "would not send troops"),
    ("verb_told", "told", "Hugo Brandt", "enough ammunition"),
    ("verb_stressed", "stressed", "Ali Farouk", "convoy was humanitarian"),
    ("verb_denied", "denied", "The Ruritanian government", "aircraft had crossed"),
])
def test_speech_verbs_beyond_said(name, verb, speaker, fragment):
    r = one(statements(name), fragment)
    assert r["verb"] == verb and r["kind"] == "indirect"
    assert r["speaker"].lower() == speaker.lower()


def test_ids_are_stable_and_rows_in_body_order():
    a, b = statements("organisations"), statements("organisations")
    assert a == b
    assert [r["start"] for r in a] == sorted(r["start"] for r in a)
    assert [r["statement_id"][-4:] for r in a] == [f"s{n:03d}" for n in range(1, len(a) + 1)]


def test_relative_clause_subjects_and_their_clause_end():
    rows = statements("relative_subject")
    radio = one(rows, "president was in the capital")
    assert (radio["speaker"], radio["text"]) == ("State radio", "the president was in the capital")
    officer = one(rows, "garrison")
    assert officer["speaker"] == "an army officer" and officer["text"] == "the garrison had left overnight"


def test_naming_verbs_count_only_with_quoted_words():
    rows = statements("naming_verb")
    assert len(rows) == 1
    assert rows[0]["kind"] == "mixed" and rows[0]["speaker"] == "Omar Tal" and rows[0]["verb"] == "called"


def test_double_apostrophes_are_quote_marks_and_continuations_share_a_group():
    rows = statements("plain_text_marks")
    assert [r["text"] for r in rows] == ["We will rebuild every school that was destroyed",
                                         "It will take years, but we will do it."]
    assert {r["speaker"] for r in rows} == {"Ana Ruiz"}
    assert rows[0]["statement_group"] == rows[1]["statement_group"]


def test_quotes_under_four_words_are_not_statements():
    assert statements("short_quote") == []
