"""Speaker and span rules that must hold beyond the development fixtures: one group of short texts
per error category seen on articles from other outlets (invented people, bodies and outlets; real
Syrian places only where the gazetteer must know them)."""
from __future__ import annotations

from analysis.corpus import document_from_text
from analysis.statements import extract_statements


def rows(text: str) -> list[dict]:
    doc = document_from_text(text, published="2024-12-07")
    out = extract_statements(doc)
    for r in out:
        assert doc.body[r["start"]:r["end"]] == r["text"]
    return out


def one(found: list[dict], fragment: str) -> dict:
    hits = [r for r in found if fragment in r["text"]]
    assert len(hits) == 1, f"{fragment!r} in {[r['text'] for r in found]}"
    return hits[0]


# 1. places, months and demonyms are never speakers --------------------------------------------

def test_a_place_is_no_speaker():
    found = rows("Prime Minister Yusuf Demir toured the north. “We will rebuild every school that the war "
                 "destroyed,” Hama said.\n\nAleppo said in a statement that the power station would reopen.")
    assert one(found, "rebuild every school")["speaker"] == ""
    assert one(found, "power station")["speaker"] == ""


def test_a_demonym_or_month_alone_is_no_speaker():
    found = rows("“Nobody will be left behind in the camps this winter,” Syrian said on Sunday. "
                 "“The roads to the north are open again for the convoys,” December said.")
    assert {r["speaker"] for r in found} == {""}


def test_a_resident_of_a_place_is_a_description_not_the_place():
    r = one(rows("A resident of Jableh said the shelling had stopped before dawn."), "shelling")
    assert r["speaker"] == "a resident of Jableh" and r["speaker_type"] == "person"


# 2. pronouns: the last speaker, the paragraph's topic, gender, or nobody -----------------------

def test_she_is_the_last_speaker_not_a_person_named_since():
    found = rows("Lina Haddad of the charity Relief Bridge said the convoys had stopped at the river. Later, the "
                 "convoys were inspected by Peter Olsen, a Danish logistics officer. She said the group had lost "
                 "contact with two drivers.")
    assert one(found, "lost contact")["speaker"] == "Lina Haddad"
    assert one(found, "convoys had stopped")["speaker_affiliation"] == "charity Relief Bridge"


def test_two_people_opening_sentences_since_the_speaker_leave_she_unresolved():
    found = rows("Lina Haddad of the charity Relief Bridge said the convoys had stopped. Aid worker Sara Nour and "
                 "Maria Olsen joined the team later. She said the group had lost contact with two drivers.")
    assert one(found, "lost contact")["speaker"] == ""


def test_gender_cues_skip_a_person_of_the_other_gender():
    found = rows("Ms Dana Harb, who runs a clinic in the town, said medicines had run out. Mr Karim Saad said the "
                 "road had been cut. She said the clinic would close on Friday.")
    assert one(found, "clinic would close")["speaker"] == "Dana Harb"
    found = rows("Omar Selim said his unit had pulled back. Rana Aziz said her ward was full. He said the "
                 "bridge was still standing.")
    assert one(found, "bridge was still")["speaker"] == "Omar Selim"


def test_the_person_opening_the_paragraph_wins_over_an_earlier_speaker():
    found = rows("Envoy Karl Vos said the talks would resume. Minister Lea Brun, who arrived late, struck a "
                 "different tone. She insisted that no deal was possible before the spring.")
    assert one(found, "no deal")["speaker"] == "Lea Brun"


# 3. "It said", "the group said" after an organisation ------------------------------------------

def test_it_and_the_group_point_back_at_the_last_organisation():
    found = rows("The Eastmark military said it had shot down two drones over the coast. It said its aircraft had "
                 "struck a weapons depot near the port.\n\nThe Northern Front said it had captured the airport. "
                 "The group said its fighters had taken 40 prisoners.")
    assert one(found, "weapons depot")["speaker"] == "the Eastmark military"
    assert one(found, "40 prisoners")["speaker"] == "Northern Front"
    assert one(found, "captured the airport")["speaker_type"] != "person"


def test_the_group_does_not_reach_past_a_body_of_another_kind():
    found = rows("The Northern Front said it had captured the airport. The health ministry said hospitals were "
                 "full. The group said its fighters had taken 40 prisoners.")
    assert one(found, "40 prisoners")["speaker"] != "Northern Front"


# 4. long appositions, participles, descriptions, time adverbials -------------------------------

def test_apposition_with_parentheses_and_a_second_apposition():
    r = one(rows("Ali Hassan, a commander in the Popular Defence Units (PDU), the state-backed umbrella of "
                 "militias, said his men had crossed the border."), "crossed the border")
    assert r["speaker"] == "Ali Hassan"


def test_a_name_before_a_description_apposition_and_a_relative_clause():
    found = rows("Omar Farouk, the leader of the Northern Front, which several states list as a terrorist group, "
                 "said minorities would be protected. Hadi Nour, head of the Eastmark Council, the main exile "
                 "body, said the transition must be orderly. As the rebels advanced, the army, which had lost "
                 "the city, said it would hold the bridge.")
    assert one(found, "minorities")["speaker"] == "Omar Farouk"
    assert one(found, "transition")["speaker"] == "Hadi Nour"
    assert one(found, "hold the bridge")["speaker"] == "the army"
    r = one(rows("Samira Aziz, 54, a teacher from Jableh, said the schools had been closed for a week."), "schools")
    assert r["speaker"] == "Samira Aziz"


def test_people_placed_by_with_or_close_to():
    found = rows("An official with the Northern Front said the unit had withdrawn from the town. A source close "
                 "to the Eastmark Council said 2,000 fighters had been sent north.")
    assert one(found, "withdrawn")["speaker"] == "an official with the Northern Front"
    assert one(found, "fighters had been sent")["speaker"] == "a source close to the Eastmark Council"


def test_participial_and_distance_appositions():
    found = rows("A resident of Dar Tahta, reached by phone, said the shelling had stopped at dawn. Residents of "
                 "Kafr Sousa, about 60 kilometres south-west of the capital, said troops had left their posts. "
                 "A senior officer, speaking on condition of anonymity, said the brigade had withdrawn.")
    assert one(found, "shelling")["speaker"] == "a resident of Dar Tahta"
    assert one(found, "left their posts")["speaker"] == "Residents of Kafr Sousa"
    assert one(found, "brigade")["speaker"] == "a senior officer"


def test_descriptive_speakers_and_acronyms_in_parentheses():
    found = rows("A spokesperson for the Eastmark Observer Mission told reporters that patrols had been suspended. "
                 "UN humanitarians warned that the number of displaced people could double. The Northern National "
                 "Army (NNA) said on Saturday it had seized three villages. Rojhat Amed, the NDF commander, said "
                 "his forces had entered the old town.")
    assert one(found, "patrols")["speaker"] == "a spokesperson for the Eastmark Observer Mission"
    assert one(found, "displaced")["speaker"] == "UN humanitarians"
    assert one(found, "three villages")["speaker"] == "Northern National Army"
    assert one(found, "old town")["speaker"] == "Rojhat Amed"
    r = one(rows("A spokesperson for the Eastmark Disengagement Force told reporters on Friday that the patrols "
                 "had resumed."), "patrols")
    assert (r["speaker"], r["speaker_type"], r["speaker_affiliation"]) == \
        ("a spokesperson for the Eastmark Disengagement Force", "person", "Eastmark Disengagement Force")


# 5. names with digits ---------------------------------------------------------------------------

def test_an_outlet_name_closed_by_a_number():
    found = rows("“The city is calm now,” Ahmed Khalil, a local official, told Zagros 24 by phone from the city. "
                 "A doctor told Radio 7 on Sunday that the hospital had no fuel. Border 21 said the crossing had "
                 "reopened. A teacher told Reuters 24 people had been killed in the market.")
    assert one(found, "calm now")["speaker"] == "Ahmed Khalil"
    assert not any(r["text"].startswith(("24 by", "7 on")) for r in found)
    assert one(found, "no fuel")["text"] == "the hospital had no fuel"
    assert one(found, "crossing")["speaker"] == "Border 21"
    assert one(found, "people had been killed")["text"] == "24 people had been killed in the market"


# 6. a quote closing the reported clause makes one mixed row -------------------------------------

def test_quote_ending_the_clause_is_part_of_one_mixed_row():
    found = rows("The Observatory said the battles north of the city were “the fiercest since the offensive "
                 "began.” The army general command said its troops had \"regained control\" of Tal Hamra and "
                 "several positions nearby.")
    assert [r["kind"] for r in found] == ["mixed", "mixed"]
    assert found[0]["text"].startswith("the battles") and found[0]["text"].endswith("offensive began")


def test_quote_opened_mid_clause_and_running_over_sentences_stays_in_the_row():
    found = rows("The Observatory said the battles north of the city were \"the fiercest since the offensive began. "
                 "Dozens of fighters were killed on both sides.\" Aid groups left the area.")
    assert len(found) == 1 and found[0]["kind"] == "mixed"
    assert found[0]["text"].endswith("killed on both sides")


# 7. urge/call on, coordinated and trailing attributions ---------------------------------------

def test_urge_and_call_on_report_the_whole_complement():
    found = rows("Envoy Geir Lund urged all sides to return to UN-facilitated negotiations “without delay”. "
                 "Council members called on all parties “to comply with international humanitarian law”.")
    assert one(found, "return to")["text"].startswith("all sides to return")
    assert one(found, "comply")["speaker"] == "Council members"


def test_two_attributions_in_one_sentence_are_two_statements():
    found = rows("The World Food Programme said it had been forced to pause distributions in two provinces, while "
                 "the UN children's agency UNICEF warned that children are paying the highest price.")
    assert len(found) == 2
    assert found[0]["text"] == "it had been forced to pause distributions in two provinces"
    assert found[0]["speaker"] == "World Food Programme"
    assert "UNICEF" in found[1]["speaker"] and found[1]["text"] == "children are paying the highest price"


def test_trailing_attribution_with_a_located_speaker():
    found = rows("The NDF took control of the old city and the northern border crossing, NDF officials said. "
                 "Troops pushed deeper into the valley on Monday, residents on the other side said.")
    assert one(found, "border crossing")["speaker"] == "NDF officials"
    r = one(found, "valley")
    assert (r["kind"], r["text"], r["speaker"]) == ("indirect", "Troops pushed deeper into the valley on Monday",
                                                    "residents on the other side")


# 8. attribution in the next sentence or before a colon; "calling it" ---------------------------

def test_quote_attributed_by_the_next_short_sentence_or_a_colon():
    found = rows("“It is a moment of historic opportunity for the people of this country.”\n\n"
                 "President Joe Baden said at the palace.\n\n"
                 "Foreign Minister Jane Doe said at the ministry:\n\n“We will open the embassy again next month.”")
    assert one(found, "historic opportunity")["speaker"] == "Joe Baden"
    assert one(found, "embassy")["speaker"] == "Jane Doe"


def test_a_paragraph_that_is_one_quote_goes_on_from_a_reported_clause_ending_the_paragraph_before():
    found = rows("President Joe Baden said at the palace that the regime had fallen.\n\n"
                 "“It is a moment of historic opportunity for the people of this country.”\n\n"
                 "Minister Lea Brun said the border would reopen, and aid would follow.\n\n"
                 "“Nobody expected the end to come this quickly,” a diplomat said.")
    assert one(found, "historic opportunity")["speaker"] == "Joe Baden"
    assert one(found, "Nobody expected")["speaker"] == "a diplomat"


def test_calling_it_with_a_quote_of_four_words_or_more():
    found = rows("Foreign Minister Jane Doe welcomed the verdict, calling the ruling “a fundamental act of "
                 "justice.” The ministry dismissed the reports, calling them “lies.”")
    r = one(found, "fundamental act")
    assert r["kind"] == "mixed" and r["speaker"] == "Jane Doe"
    assert not any("lies" in x["text"] for x in found)


# 9. speakers never come from inside quotes, across sentence ends or from shouting ---------------

def test_all_caps_quotes_give_no_speaker():
    found = rows("“NO MORE WARS FOR OTHERS. BRING THEM HOME. STAY OUT!” he posted, in a message that "
                 "NO MORE WARS FOR OTHERS. BRING THEM HOME said the fighting was none of its business.")
    assert found and all("." not in r["speaker"] and not r["speaker"].isupper() for r in found)


# 10. a bare quote goes to the person introduced after the last speaker, or to nobody ------------

def test_a_person_introduced_after_the_last_speaker_takes_the_bare_quotes():
    found = rows("Major Karim Nasser, a commander near Idlib, said the front had held. “We lost no ground "
                 "at all,” he said.\n\nLayla Barakat, a former judge who fled in 2013, saw it otherwise.\n\n"
                 "“The soldiers have stopped fighting for a state that does not feed them.”\n\n"
                 "“Nobody will die for the palace any more.”")
    assert one(found, "soldiers have stopped")["speaker"] == "Layla Barakat"
    assert one(found, "Nobody will die")["speaker"] == "Layla Barakat"


def test_two_people_introduced_after_the_last_speaker_leave_the_quote_unattributed():
    found = rows("“We lost no ground at all,” Major Karim Nasser said. Layla Barakat, a former judge, and "
                 "Omar Haddad, a lawyer, disagreed. “The soldiers have stopped fighting for a state that "
                 "does not feed them.”")
    assert one(found, "soldiers have stopped")["speaker"] == ""


def test_a_person_introduced_further_back_blocks_the_earlier_speaker():
    found = rows("“We lost no ground at all,” Major Karim Nasser said. Layla Barakat, a former judge, saw it "
                 "otherwise. The hearing lasted four hours. “The soldiers have stopped fighting for a state that "
                 "does not feed them.”")
    assert one(found, "soldiers have stopped")["speaker"] == ""


# 11. a coordinated subject is one speaker phrase, not its last organisation ---------------------

def test_coordinated_organisations_do_not_take_the_ambassadors_quote():
    found = rows("Rami Saleh, the country's UN envoy, said the shelling must stop, while the WHO and UNICEF "
                 "said medicine was running out.\n\n“Our cities are bombed every day and nobody acts.”")
    assert one(found, "shelling must stop")["text"] == "the shelling must stop"
    assert one(found, "medicine")["speaker"] != "UNICEF"
    assert one(found, "Our cities")["speaker"] in ("", "Rami Saleh")


def test_the_subject_of_the_same_sentence_wins():
    found = rows("An Israeli army spokesman said troops had crossed the line. The Lebanese army said it had "
                 "sent more soldiers to the south. Acting Prime Minister Samir Khoury said Lebanon would not "
                 "let the fighting spread. In a statement, Iran's foreign ministry spokesman Reza Tabari urged "
                 "the new rulers to protect the shrines.")
    assert one(found, "sent more soldiers")["speaker"] == "the Lebanese army"
    assert one(found, "not let the fighting")["speaker"] == "Samir Khoury"
    assert one(found, "protect the shrines")["speaker"] == "Reza Tabari"


# 12. datelines are neither speakers nor colon-introduced quotes -------------------------------

def test_a_dateline_is_no_speaker():
    found = rows("CAIRO/AMMAN: Arab ministers closed ranks on Sunday behind a united Syria.\n\n"
                 "BEIRUT – Israeli tanks moved deeper into the buffer zone, the army said.")
    assert not any("closed ranks" in r["text"] for r in found)
    r = one(found, "tanks moved")
    assert r["text"] == "Israeli tanks moved deeper into the buffer zone" and r["speaker"] == "the army"
    assert all(r["speaker"] == "" for r in rows("AMMAN: “The border crossings stay closed to all traffic for now.”"))


# 13. ", he said," inside a reported clause: one row over the whole clause ----------------------

def test_parenthetical_attribution_spans_the_clause():
    found = rows("Omar Haddad, a lawyer, spoke for an hour. The old regime, he added, had wasted the calm years "
                 "“to win back its own people.”\n\nUntil the last day, the aides around him say, the general "
                 "acted as if nothing had changed.")
    r = one(found, "wasted the calm")
    assert r["text"].startswith("The old regime, he added, had") and r["speaker"] == "Omar Haddad"
    assert r["kind"] == "mixed"
    r = one(found, "acted as if")
    assert r["text"].startswith("Until the last day") and r["speaker"] == "the aides around him"
    assert not any(x["text"] in ("The old regime", "Until the last day") for x in found)


def test_parenthetical_after_a_colon_starts_at_the_colon():
    r = one(rows("The second envoy disagreed: by Sunday night, she said, the talks were about how, not whether."),
            "talks were about")
    assert r["text"].startswith("by Sunday night, she said")


# 14. claim + to-infinitive and short clauses ---------------------------------------------------

def test_claim_to_infinitive_and_short_clauses_are_statements():
    found = rows("The rebels claimed to have taken the airport. The palace said he had fled.")
    assert one(found, "to have taken the airport")["speaker"]
    assert one(found, "he had fled")["kind"] == "indirect"
